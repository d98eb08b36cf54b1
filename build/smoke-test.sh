#!/usr/bin/env bash
# Runs the built binary the way a newcomer does and checks one admission end to end:
# serve on the examples with a self-signed certificate, wait for /readyz, send the example review,
# check the patch, then SIGTERM and expect a clean exit.
#
#   build/smoke-test.sh PATH/TO/poddefaults
#   SMOKE_TEST_RUNNER=qemu-aarch64-static build/smoke-test.sh PATH/TO/arm64/poddefaults
#
# SMOKE_TEST_RUNNER is a command the binary runs under (an emulator for another architecture): CI
# names qemu explicitly because binfmt_misc may not be registered there.
set -euo pipefail

binary=$(realpath "${1:?usage: $0 PATH/TO/poddefaults}")
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
pid=""
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "smoke-test: $*" >&2
  echo "--- server log ---" >&2
  cat "$work/serve.log" >&2 || true
  exit 1
}

read -ra runner <<<"${SMOKE_TEST_RUNNER-}"
${runner[@]+"${runner[@]}"} "$binary" serve --defaults "$repo_root/examples/poddefaults" --listen 127.0.0.1 --port "$port" \
  --self-signed-cert-out "$work/ca.pem" >"$work/serve.log" 2>&1 &
pid=$!

url="https://localhost:$port"
# Up to 30 s: under qemu (arm64 in CI) startup and the self-signed key take several seconds.
for _ in $(seq 1 300); do
  if [[ -f $work/ca.pem ]] && curl -sf --cacert "$work/ca.pem" "$url/readyz" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$pid" 2>/dev/null || fail "the server exited before it was ready"
  sleep 0.1
done
curl -sf --cacert "$work/ca.pem" "$url/readyz" >/dev/null || fail "/readyz did not answer 200"

response=$(curl -sf --cacert "$work/ca.pem" -H 'Content-Type: application/json' \
  --data-binary @"$repo_root/examples/pods/admission-review.json" "$url/apply-poddefault") ||
  fail "the admission request failed"
grep -q '"uid":"705ab4f5-6393-11e8-b7cc-42010a800002"' <<<"$response" || fail "uid not echoed: $response"
grep -q '"allowed":true' <<<"$response" || fail "not allowed: $response"
patch=$(sed -E 's/.*"patch":"([^"]*)".*/\1/' <<<"$response" | base64 -d) || fail "no base64 patch: $response"
for expected in '"path":"/spec/containers/0/env"' 'DATA_PATH' 'poddefault.admission.kubeflow.org/poddefault-env-var-poddefault' 'nvidia.com/gpu'; do
  grep -qF "$expected" <<<"$patch" || fail "the patch lacks $expected: $patch"
done

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
[[ $status -eq 0 ]] || fail "exit status $status after SIGTERM"
echo "smoke-test: ok ($binary)"
