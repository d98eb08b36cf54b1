# One load run against the server started last (sourced by run.sh): CONNECTIONS keep-alive HTTP/1.1 TLS
# connections with one request in flight each, split over CLIENTS h2load processes so that each sends a
# different corpus body. Prints the run's numbers (report.py) as one JSON line.
#
#   run_load NAME DURATION [RATE]    RATE: requests/s over all connections; none = as fast as it answers

run_load() {
  local name=$1 duration=$2 rate=${3:-} dir per=$((CONNECTIONS / CLIENTS)) bodies pids=() i sampler client_sampler
  case $SHAPE in
    notebooks) bodies=("${BODIES_DIR:-$OUT/corpus}"/review-*.json) ;;
    small) bodies=("${BODIES_DIR:-$OUT/corpus}"/review-*-small.json) ;;
    istio-match | istio-nomatch) bodies=("${BODIES_DIR:-$OUT/corpus}/$SHAPE.json") ;;
    *) echo "loadtest: unknown SHAPE '$SHAPE' (notebooks, small, istio-match, istio-nomatch)" >&2; return 2 ;;
  esac
  [[ -f ${bodies[0]} ]] || { echo "loadtest: no body for SHAPE=$SHAPE: ${bodies[0]}" >&2; return 2; }
  dir=$OUT/runs/$SHAPE/$name
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
