#!/usr/bin/env bash
# Runs the README's "## Try it" section literally, as a newcomer would, on a fresh clone of the
# committed state (HEAD). The rules (README, "Contributing"):
#   - every fenced sh, bash, shell or console block under "## Try it" runs verbatim, in order, from
#     the root of the clone (a console block's commands are its lines that start with "$ ");
#   - the block that starts the server is one command line containing `dotnet run` or `poddefaults`
#     and `serve`; it runs in the background and must answer /readyz on its --port (4443 by default)
#     within 5 minutes from the cold clone;
#   - every other block must exit 0 within 5 minutes, and the curl block's output must contain "patch".
#
#   build/readme-try-it.sh
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
limit_seconds=300
work=$(mktemp -d)
server_pid=""

cleanup() {
  if [[ -n $server_pid ]]; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "readme-try-it: $*" >&2
  if [[ -f $work/server.log ]]; then
    echo "--- server log (last 40 lines) ---" >&2
    tail -n 40 "$work/server.log" >&2
  fi
  exit 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

git clone --quiet "$repo_root" "$work/clone"
clone=$work/clone

# Each shell block of the section becomes one file, blocks/NNN, holding its commands.
mkdir "$work/blocks"
awk -v dir="$work/blocks" '
  /^## / { in_section = ($0 ~ /^## Try it/) }
  in_section && !fenced && /^```(sh|bash|shell|console)[ \t]*$/ {
    fenced = 1; console = ($0 ~ /console/); n++; file = sprintf("%s/%03d", dir, n); printf "" > file; next
  }
  fenced && /^```[ \t]*$/ { fenced = 0; close(file); next }
  fenced && console { if (sub(/^\$ /, "")) print > file; next }
  fenced { print > file }
' "$clone/README.md"

blocks=("$work"/blocks/*)
[[ -e ${blocks[0]} ]] || fail "no sh, bash, shell or console block under \"## Try it\" in README.md"

is_server_block() { grep -Eq '(dotnet run|poddefaults).*[[:space:]]serve([[:space:]]|$)' "$1"; }

servers=0
curls=0
for block in "${blocks[@]}"; do
  if is_server_block "$block"; then
    servers=$((servers + 1))
    # One command line: continuation lines joined, comments and blank lines ignored.
    command=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$block" | grep -Ev '^[[:space:]]*(#|$)')
    [[ $(wc -l <<<"$command") -eq 1 ]] || fail "the server block must be one command line:
$(cat "$block")"
    port=$(grep -Eo -- '--port[= ]+[0-9]+' <<<"$command" | grep -Eo '[0-9]+$' || echo 4443)

    # Another server on the port would answer /readyz for this one: wait for it to go away.
    for _ in $(seq 1 60); do port_in_use "$port" || break; sleep 1; done
    ! port_in_use "$port" || fail "port $port is in use by another process; run again when it is free"

    echo "readme-try-it: starting in the background: $command"
    (cd "$clone" && exec setsid bash -c "$command") >"$work/server.log" 2>&1 &
    server_pid=$!
    deadline=$((SECONDS + limit_seconds))
    until [[ $(curl -sk --max-time 2 -o /dev/null -w '%{http_code}' "https://localhost:$port/readyz" || true) == 200 ]]; do
      kill -0 "$server_pid" 2>/dev/null || fail "the server exited before /readyz answered"
      ((SECONDS < deadline)) || fail "/readyz on port $port did not answer 200 within $limit_seconds s"
      sleep 1
    done
    echo "readme-try-it: /readyz answered after $((SECONDS + limit_seconds - deadline)) s"
    continue
  fi

  echo "readme-try-it: running:"
  sed 's/^/  /' "$block"
  status=0
  (cd "$clone" && timeout "$limit_seconds" bash -e -o pipefail "$block") >"$work/out" 2>&1 || status=$?
  ((status == 0)) || fail "the block exited $status (124: did not finish within $limit_seconds s):
$(tail -n 40 "$work/out")"
  if grep -q 'curl' "$block"; then
    curls=$((curls + 1))
    grep -qF '"patch"' "$work/out" || fail "the curl block's output has no \"patch\": $(cat "$work/out")"
  fi
done

((servers == 1)) || fail "expected one block that starts the server, found $servers"
((curls >= 1)) || fail "no curl block under \"## Try it\""
# The server that answered must be ours: one that failed to bind would have exited.
kill -0 "$server_pid" 2>/dev/null || fail "the server exited while the blocks ran"
echo "readme-try-it: all ${#blocks[@]} blocks passed"
