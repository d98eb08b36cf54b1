# Starting and stopping the servers under test (sourced by run.sh). Each listens on 127.0.0.1 with the same
# certificate, pinned to SERVER_CPUS; start_* sets SERVER_PID and SERVER_URL.

OURS_PORT=18443
FLOOR_PORT=18444
NGINX_PORT=18445

start_server() {
  case $1 in
    ours) start_ours "$OUT/corpus/poddefaults.json" ;;
    floor) start_floor ;;
    nginx) start_nginx ;;
    *) echo "unknown server $1" >&2; return 2 ;;
  esac
}

start_ours() {
  # Telemetry off: no OTLP endpoint. Extra runtime settings (DOTNET_gcServer...) pass through from the caller.
  env -u OTEL_EXPORTER_OTLP_ENDPOINT taskset -c "$SERVER_CPUS" "$OUT/bin/poddefaults" serve --defaults "$1" \
    --listen 127.0.0.1 --port "$OURS_PORT" --tls-cert "$OUT/tls/cert.pem" --tls-key "$OUT/tls/key.pem" \
    >"$OUT/ours.log" 2>&1 &
  SERVER_PID=$!
  SERVER_URL=https://127.0.0.1:$OURS_PORT/apply-poddefault
  wait_ready "$OURS_PORT"
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
  [[ -n ${SERVER_PID:-} ]] || return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
