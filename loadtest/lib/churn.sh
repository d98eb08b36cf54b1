# The churn scenario (sourced by run.sh): the webhook in cluster mode, its PodDefaults listed and watched from
# the stand-in API server (tests/PodDefaults.ApiServerStandIn), once with no changes and once with
# CHURN_RATE change events per second, interleaved, RUNS times. Both measure peak throughput and the
# latency at half of the quiet run's peak; with churn they should stay within 10% of without.

STANDIN_PORT=${STANDIN_PORT:-18001}
STANDIN_OBJECTS=${STANDIN_OBJECTS:-1000}
STANDIN_NAMESPACES=${STANDIN_NAMESPACES:-20}
CHURN_RATE=${CHURN_RATE:-200}

prepare_standin() {
  if [[ ! -f $OUT/bin/standin/PodDefaults.ApiServerStandIn.dll || ${REBUILD:-0} == 1 ]]; then
    dotnet build "$REPO/tests/PodDefaults.ApiServerStandIn" -c Release -o "$OUT/bin/standin" >"$OUT/build-standin.log" 2>&1 ||
      { tail -20 "$OUT/build-standin.log"; return 1; }
  fi
  if [[ ! -d $OUT/corpus-standin ]]; then
    dotnet run -c Release --project "$REPO/bench/PodDefaults.Benchmarks" -- standin-corpus "$OUT/corpus-standin" "$STANDIN_NAMESPACES" >"$OUT/corpus-standin.log" 2>&1 ||
      { cat "$OUT/corpus-standin.log"; return 1; }
  fi
}

# The stand-in runs on the client's core: it plays the API server, which is not what is measured.
start_standin() { # EVENTS_PER_SECOND
  mkdir -p "$OUT/standin"
  taskset -c "$CLIENT_CPUS" dotnet "$OUT/bin/standin/PodDefaults.ApiServerStandIn.dll" --port "$STANDIN_PORT" --https \
    --cert-out "$OUT/standin/ca.crt" --token loadtest --objects "$STANDIN_OBJECTS" --namespaces "$STANDIN_NAMESPACES" \
    --churn "$1" >"$OUT/standin.log" 2>&1 &
  STANDIN_PID=$!
  local i
  for i in $(seq 1 600); do
    grep -q "^Serving" "$OUT/standin.log" 2>/dev/null && break
    sleep 0.05
  done
  cat >"$OUT/standin/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
current-context: standin
clusters:
- name: standin
  cluster: {server: "https://127.0.0.1:$STANDIN_PORT", certificate-authority: $OUT/standin/ca.crt}
contexts:
- name: standin
  context: {cluster: standin, user: standin}
users:
- name: standin
  user: {token: loadtest}
KUBECONFIG
}

stop_standin() {
  [[ -n ${STANDIN_PID:-} ]] || return 0
  kill -TERM "$STANDIN_PID" 2>/dev/null || true
  wait "$STANDIN_PID" 2>/dev/null || true
  STANDIN_PID=
}

# A digest of the webhook's answer to one corpus review: it changes when the PodDefaults it applies change.
answer_digest() {
  curl -sk -H 'content-type: application/json' --data-binary "@$OUT/corpus-standin/review-0-small.json" "$SERVER_URL" |
    python3 -c 'import json, sys; r = json.load(sys.stdin)["response"]; print(r.get("patch", "none"))' | sha256sum | cut -c1-16
}

churn_scenario() {
  local run rate load half="" server
  prepare_standin
  trap 'stop_server; stop_standin' EXIT INT TERM
  rm -f "$RESULTS/churn.jsonl"
  export BODIES_DIR=$OUT/corpus-standin
  for ((run = 1; run <= RUNS; run++)); do
    for rate in 0 "$CHURN_RATE"; do
      server="churn-$rate"
      load=$(wait_for_quiet)
      start_standin "$rate"
      start_ours --kubeconfig "$OUT/standin/kubeconfig"
      local before after
      before=$(answer_digest)
      record churn "$server" "$run" "$load" "$(run_load "churn-$rate-peak-$run" "$DURATION")"
      [[ -n $half ]] || half=$(python3 "$HERE/lib/summarize.py" "$RESULTS/churn.jsonl" --peak churn-0 | awk '{printf "%d", $1 / 2}')
      record churn "$server-half" "$run" "$load" "$(run_load "churn-$rate-half-$run" "$DURATION" "$half")"
      after=$(answer_digest)
      # With churn, the PodDefaults (and so the markers' resourceVersions in the patch) change under the load.
      echo "churn $rate run $run: the answer to the same review $([[ $before == "$after" ]] && echo "did not change" || echo "changed") during the run"
      stop_server
      stop_standin
    done
  done
  echo "churn: $CHURN_RATE events/s over $STANDIN_OBJECTS PodDefaults in $STANDIN_NAMESPACES namespaces; half rate $half requests/s"
  python3 "$HERE/lib/summarize.py" "$RESULTS/churn.jsonl" --compare churn-0 "churn-$CHURN_RATE"
}
