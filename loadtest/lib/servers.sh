# Starting and stopping the servers under test (sourced by run.sh). Each listens on 127.0.0.1 with the same
# certificate, pinned to SERVER_CPUS; start_* sets SERVER_PID and SERVER_URL.

# Overridable, so that two load tests on one machine do not collide.
OURS_PORT=${OURS_PORT:-18443}
FLOOR_PORT=${FLOOR_PORT:-18444}
NGINX_PORT=${NGINX_PORT:-18445}
OTLP_PORT=${OTLP_PORT:-18446}

start_server() {
  case $1 in
    ours) start_ours --defaults "$OUT/corpus/poddefaults.json" ;;
    traced) start_traced ;;
    floor) start_floor ;;
    nginx) start_nginx ;;
    *) echo "unknown server $1" >&2; return 2 ;;
  esac
}

start_ours() { # SOURCE... (--defaults FILE or --kubeconfig FILE)
  # Telemetry off unless OTLP_ENDPOINT is set; then every signal is exported and every admission sampled.
  # Extra runtime settings (DOTNET_GCgen0size...) pass through from the caller.
  local telemetry=(-u OTEL_EXPORTER_OTLP_ENDPOINT)
  [[ -n ${OTLP_ENDPOINT:-} ]] &&
    telemetry=("OTEL_EXPORTER_OTLP_ENDPOINT=$OTLP_ENDPOINT" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf OTEL_TRACES_SAMPLER=always_on)
  env "${telemetry[@]}" taskset -c "$SERVER_CPUS" "$OUT/bin/poddefaults" serve "$@" \
    --listen 127.0.0.1 --port "$OURS_PORT" --tls-cert "$OUT/tls/cert.pem" --tls-key "$OUT/tls/key.pem" \
    >"$OUT/ours.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=https://127.0.0.1:$OURS_PORT/apply-poddefault
  wait_ready "$OURS_PORT"
}

start_traced() {
  # The OTLP sink runs on the load generator's core, so the server's core pays only for producing telemetry.
  taskset -c "$CLIENT_CPUS" python3 "$HERE/lib/otlp_sink.py" "$OTLP_PORT" "$OUT/otlp-sink.json" &
  SINK_PID=$!
  OTLP_ENDPOINT=http://127.0.0.1:$OTLP_PORT start_ours --defaults "$OUT/corpus/poddefaults.json"
}

start_floor() {
  taskset -c "$SERVER_CPUS" "$OUT/bin/kestrel-floor" "$FLOOR_PORT" "$OUT/tls/cert.pem" "$OUT/tls/key.pem" >"$OUT/floor.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=https://127.0.0.1:$FLOOR_PORT/apply-poddefault
  wait_ready "$FLOOR_PORT"
}

start_nginx() {
  local prefix=$OUT/nginx workers
  workers=$(taskset -c "$SERVER_CPUS" nproc)
  mkdir -p "$prefix"
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@CERT@|$OUT/tls/cert.pem|g" \
    -e "s|@KEY@|$OUT/tls/key.pem|g" -e "s|^worker_processes .*|worker_processes $workers;|" \
    "$HERE/nginx/nginx.conf.template" >"$prefix/nginx.conf"
  taskset -c "$SERVER_CPUS" nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" >"$OUT/nginx.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=https://127.0.0.1:$NGINX_PORT/apply-poddefault
  wait_ready "$NGINX_PORT"
}

wait_ready() {
  local i
  for i in $(seq 1 600); do
    if [[ $(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$1/readyz") == 200 ]]; then
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "loadtest: the server on port $1 exited" >&2; return 1; }
    sleep 0.05
  done
  echo "loadtest: the server on port $1 did not get ready" >&2
  return 1
}

stop_server() {
  local pid
  for pid in ${SERVER_PID:-} ${SINK_PID:-}; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PID= SINK_PID=
}
