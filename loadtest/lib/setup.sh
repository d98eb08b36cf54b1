# Tools, builds, corpus and certificate for the load test (sourced by run.sh).

ensure_tools() {
  local missing=()
  command -v h2load >/dev/null || missing+=(nghttp2-client)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v python3 >/dev/null || missing+=(python3)
  command -v curl >/dev/null || missing+=(curl)
  command -v taskset >/dev/null || missing+=(util-linux)
  if ((${#missing[@]})); then
    echo "loadtest: installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The AOT binaries (ours exactly as CI publishes it), the corpus, one certificate for every server.
prepare() {
  mkdir -p "$OUT/bin" "$OUT/tls"
  if [[ ! -x $OUT/bin/poddefaults || ${REBUILD:-0} == 1 ]]; then
    "$REPO/build/publish-aot.sh" "$OUT/bin/ours" >"$OUT/publish-ours.log" 2>&1 || { tail -20 "$OUT/publish-ours.log"; return 1; }
    cp "$OUT/bin/ours/poddefaults" "$OUT/bin/poddefaults"
  fi
  if [[ ! -x $OUT/bin/kestrel-floor || ${REBUILD:-0} == 1 ]]; then
    dotnet publish "$HERE/KestrelFloor" -c Release -r linux-x64 -o "$OUT/bin/floor" >"$OUT/publish-floor.log" 2>&1 || { tail -20 "$OUT/publish-floor.log"; return 1; }
    cp "$OUT/bin/floor/kestrel-floor" "$OUT/bin/kestrel-floor"
  fi
  if [[ ! -f $OUT/corpus/poddefaults.json ]]; then
    dotnet run -c Release --project "$REPO/bench/PodDefaults.Benchmarks" -- corpus "$OUT/corpus" >"$OUT/corpus.log" 2>&1 || { cat "$OUT/corpus.log"; return 1; }
  fi
  if [[ ! -f $OUT/tls/cert.pem ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=localhost \
      -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$OUT/tls/key.pem" -out "$OUT/tls/cert.pem" 2>/dev/null
  fi
}

# Waits until 1-minute load average is below LOAD_MAX (other engineers share this machine), at most LOAD_WAIT s.
wait_for_quiet() {
  local waited=0 load
  while load=$(cut -d' ' -f1 /proc/loadavg) && awk -v l="$load" -v m="${LOAD_MAX:-1.5}" 'BEGIN{exit !(l>=m)}'; do
    if ((waited >= ${LOAD_WAIT:-900})); then
      echo "loadtest: load average still $load after ${waited}s; measuring anyway (recorded)" >&2
      break
    fi
    ((waited == 0)) && echo "loadtest: waiting for the 1-minute load average ($load) to drop below ${LOAD_MAX:-1.5}" >&2
    sleep 10
    waited=$((waited + 10))
  done
  cut -d' ' -f1 /proc/loadavg
}
