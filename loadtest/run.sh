#!/usr/bin/env bash
# The webhook under load, beside its floors. One command per scenario (README.md):
#
#   loadtest/run.sh compare    peak throughput, latency, CPU, RSS: ours, the Kestrel floor, nginx (same run)
#   loadtest/run.sh latency    ours and the Kestrel floor at half of our peak rate (p99)
#   loadtest/run.sh soak       ours for 10 minutes at half of peak: errors and RSS growth
#   loadtest/run.sh startup    process start to /readyz 200, and idle RSS (file mode, 1,000 PodDefaults)
#   loadtest/run.sh churn      cluster mode against the stand-in API server, 200 PodDefault events/s
#   loadtest/run.sh telemetry  ours at peak with telemetry off and on (every span sampled, OTLP to a local sink)
#
# Results go to $LOADTEST_OUT/results (default /tmp/poddefaults-loadtest); each scenario ends with a table of
# medians over RUNS runs. Every process it starts is stopped when it ends, also on Ctrl-C.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
OUT=${LOADTEST_OUT:-/tmp/poddefaults-loadtest}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
CLIENTS=${CLIENTS:-8}
# The server gets one core, the load generator the other: on a 2-core machine they would otherwise take
# CPU from each other, and "requests per second per core" is what a CPU limit in the cluster buys.
SERVER_CPUS=${SERVER_CPUS:-1}
CLIENT_CPUS=${CLIENT_CPUS:-0}
# Which corpus bodies the clients post (README.md): each shape keeps its own results, so that latency finds its
# shape's peak.
SHAPE=${SHAPE:-notebooks}
RESULTS=$OUT/results/$SHAPE

source "$HERE/lib/setup.sh"
source "$HERE/lib/servers.sh"
source "$HERE/lib/load.sh"
trap 'stop_server' EXIT INT TERM

record() { # SCENARIO SERVER RUN LOAD JSON
  mkdir -p "$RESULTS"
  python3 -c 'import json,sys; d=json.loads(sys.argv[5]); d.update(scenario=sys.argv[1], server=sys.argv[2], run=int(sys.argv[3]), load_before=float(sys.argv[4])); print(json.dumps(d))' \
    "$@" | tee -a "$RESULTS/$1.jsonl"
}

peak_rps() { # the median peak of ours from the compare scenario, unless PEAK_RPS says
  if [[ -n ${PEAK_RPS:-} ]]; then echo "$PEAK_RPS"; return; fi
  [[ -f $RESULTS/compare.jsonl ]] || { echo "loadtest: run 'compare' first or set PEAK_RPS" >&2; return 1; }
  python3 "$HERE/lib/summarize.py" "$RESULTS/compare.jsonl" --peak ours
}

interleaved() { # SCENARIO RATE SERVER...   RATE empty: as fast as each server answers
  # Interleaved, so that a change in the machine's state hits every server alike.
  local scenario=$1 rate=$2 run server load
  shift 2
  rm -f "$RESULTS/$scenario.jsonl"
  for ((run = 1; run <= RUNS; run++)); do
    for server in "$@"; do
      load=$(wait_for_quiet)
      start_server "$server"
      record "$scenario" "$server" "$run" "$load" "$(run_load "$scenario-$server-$run" "$DURATION" "$rate")"
      stop_server
    done
  done
}

scenario_compare() {
  # shellcheck disable=SC2086 # SERVERS is a list
  interleaved compare "" ${SERVERS:-ours floor nginx}
  python3 "$HERE/lib/summarize.py" "$RESULTS/compare.jsonl"
}

scenario_latency() {
  local half
  half=$(awk -v p="$(peak_rps)" 'BEGIN{printf "%d", p / 2}')
  interleaved latency "$half" ours floor
  echo "rate: $half requests/s (half of our peak)"
  python3 "$HERE/lib/summarize.py" "$RESULTS/latency.jsonl"
}

scenario_soak() {
  local load half
  half=$(awk -v p="$(peak_rps)" 'BEGIN{printf "%d", p / 2}')
  rm -f "$RESULTS/soak.jsonl"
  load=$(wait_for_quiet)
  start_server ours
  record soak ours 1 "$load" "$(run_load soak-ours "${SOAK_SECONDS:-600}" "$half")"
  stop_server
  echo "rate: $half requests/s (half of our peak) for ${SOAK_SECONDS:-600} s"
  python3 "$HERE/lib/summarize.py" "$RESULTS/soak.jsonl" --growth
}

scenario_startup() {
  local run load
  rm -f "$RESULTS/startup.jsonl"
  for ((run = 1; run <= RUNS; run++)); do
    load=$(wait_for_quiet)
    record startup ours "$run" "$load" "$(taskset -c "$SERVER_CPUS" python3 "$HERE/lib/startup.py" "$OURS_PORT" \
      "$OUT/bin/poddefaults" serve --defaults "$OUT/corpus/poddefaults.json" --listen 127.0.0.1 --port "$OURS_PORT" \
      --tls-cert "$OUT/tls/cert.pem" --tls-key "$OUT/tls/key.pem")"
  done
  python3 "$HERE/lib/summarize.py" "$RESULTS/startup.jsonl"
}

scenario_telemetry() {
  interleaved telemetry "" ours traced
  echo "OTLP exports received in the last traced run: $(cat "$OUT/otlp-sink.json")"
  python3 "$HERE/lib/summarize.py" "$RESULTS/telemetry.jsonl" --compare ours traced
}

scenario_churn() {
  source "$HERE/lib/churn.sh"
  churn_scenario
}

case ${1:-} in
  compare | latency | soak | startup | churn | telemetry)
    ensure_tools
    prepare
    "scenario_$1"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
