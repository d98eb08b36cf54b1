# One load run against the server started last (sourced by run.sh): CONNECTIONS keep-alive HTTP/1.1 TLS
# connections with one request in flight each, split over CLIENTS h2load processes so that each sends a
# different corpus body. Prints the run's numbers (report.py) as one JSON line.
#
#   run_load NAME DURATION [RATE]    RATE: requests/s over all connections; none = as fast as it answers

run_load() {
  local name=$1 duration=$2 rate=${3:-} dir=$OUT/runs/$1 per=$((CONNECTIONS / CLIENTS)) bodies pids=() i sampler client_sampler
  bodies=("${BODIES_DIR:-$OUT/corpus}"/review-*.json)
  rm -rf "$dir" && mkdir -p "$dir"
  python3 "$HERE/lib/sample.py" "$dir/samples.txt" "$SERVER_PID" &
  sampler=$!
  for ((i = 0; i < CLIENTS; i++)); do
    local rps=()
    [[ -n $rate ]] && rps=(--rps "$(awk -v r="$rate" -v c="$CONNECTIONS" 'BEGIN{printf "%.3f", r / c}')")
    taskset -c "$CLIENT_CPUS" h2load --h1 -c "$per" -m 1 -t 1 -D "$duration" --warm-up-time "$WARMUP" "${rps[@]}" \
      -d "${bodies[i % ${#bodies[@]}]}" -H 'content-type: application/json' --log-file "$dir/h2load-$i.log" \
      "$SERVER_URL" >"$dir/h2load-$i.out" 2>&1 &
    pids+=($!)
  done
  # The load generator's own CPU: near 100% of its cores means the run measured the client, not the server.
  python3 "$HERE/lib/sample.py" "$dir/samples-client.txt" "${pids[@]}" &
  client_sampler=$!
  wait "${pids[@]}" || true
  kill -TERM "$sampler" "$client_sampler" 2>/dev/null; wait "$sampler" "$client_sampler" 2>/dev/null || true
  python3 "$HERE/lib/report.py" "$dir" "$WARMUP"
}
