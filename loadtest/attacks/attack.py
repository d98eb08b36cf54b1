#!/usr/bin/env python3
"""Bounded memory attacks on the webhook's binary (issue 9, defect 6; issue 10, section 2), on 127.0.0.1 only.

Each scenario starts its own server process from --binary (file mode, one PodDefault that adds env to every
container of pods labelled app=x in namespace ns), runs for a bounded time, samples the server's RSS from
/proc, checks that it still answers, stops it, and prints one JSON line of results.

  slow-bodies   CONNECTIONS connections announce the largest body (--max-request-bytes) and send
                --send bytes of it, then stall; each reconnects when the server answers or closes it, for
                --duration seconds. Meanwhile a normal review on a new connection every 0.5 s: its latency.
                RSS before, max during, and --after seconds after the attack.
  amplify       --parallel reviews of one pod with --containers containers at once (1.8 MB for 100,000), the
                PodDefault matching them all; the answers; RSS max and --after seconds after.
  escaped       one review of a --pod-bytes pod whose env value is "<&>" repeated, escaped as the API server's
                encoder does (8 MiB for 1.35 MiB): its time, answer and the server's peak RSS (VmHWM).

Runtime settings for the server pass through --env KEY=VALUE (e.g. DOTNET_GCHeapHardLimit=C000000).
"""
import argparse
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

POD_DEFAULT = {
    "apiVersion": "kubeflow.org/v1alpha1", "kind": "PodDefault",
    "metadata": {"name": "env-for-all", "namespace": "ns", "resourceVersion": "1"},
    "spec": {"selector": {"matchLabels": {"app": "x"}},
             "env": [{"name": "SETTING", "value": "a-value-long-enough-to-make-each-operation-about-a-hundred-bytes"}]},
}


def review(pod, uid="uid-attack"):
    """An AdmissionReview for a pod CREATE; json.dumps(ensure_ascii) leaves < > & alone: the caller escapes."""
    return {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {
        "uid": uid, "kind": {"group": "", "version": "v1", "kind": "Pod"},
        "resource": {"group": "", "version": "v1", "resource": "pods"},
        "namespace": "ns", "operation": "CREATE", "object": pod}}


def normal_review():
    pod = {"metadata": {"name": "normal", "namespace": "ns", "labels": {"app": "x"}},
           "spec": {"containers": [{"name": "main", "image": "busybox"}]}}
    return json.dumps(review(pod), separators=(",", ":")).encode()


def wide_review(containers):
    body = ('{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"uid-wide",'
            '"kind":{"group":"","version":"v1","kind":"Pod"},"resource":{"group":"","version":"v1","resource":"pods"},'
            '"namespace":"ns","operation":"CREATE","object":{"metadata":{"name":"wide","namespace":"ns","labels":{"app":"x"}},'
            '"spec":{"containers":[' + ",".join('{"name":"c%d"}' % i for i in range(containers)) + ']}}}}')
    return body.encode()


def escaped_review(pod_bytes):
    """Go's encoding/json (and the API server) writes <, >, & as \\u003c, \\u003e, \\u0026."""
    value = "<&>" * (pod_bytes // 3)
    pod = {"metadata": {"name": "escaped", "namespace": "ns", "labels": {"app": "x"}},
           "spec": {"containers": [{"name": "main", "env": [{"name": "MARKUP", "value": value}]}]}}
    text = json.dumps(review(pod), separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()


class Server:
    def __init__(self, binary, port, env, extra_args):
        self.folder = tempfile.mkdtemp(prefix="poddefaults-attack-")
        defaults = os.path.join(self.folder, "defaults")
        os.makedirs(defaults)
        with open(os.path.join(defaults, "env-for-all.json"), "w") as f:
            json.dump(POD_DEFAULT, f)
        self.port = port
        self.log = open(os.path.join(self.folder, "server.log"), "w")
        environment = dict(os.environ)
        environment.update(env)
        self.process = subprocess.Popen(
            [binary, "serve", "--defaults", defaults, "--listen", "127.0.0.1", "--port", str(port),
             "--self-signed-cert-out", os.path.join(self.folder, "ca.pem")] + extra_args,
            stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if request(port, "GET", "/readyz", b"", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not become ready")

    def status(self, field):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError(f"no {field}")

    def rss_mb(self):
        return round(self.status("VmRSS") / 1e6, 1)

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def connect(port, timeout):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(["http/1.1"])
    raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return context.wrap_socket(raw, server_hostname="localhost")


def read_response(tls):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = tls.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a response")
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {l.split(":", 1)[0].lower(): l.split(":", 1)[1].strip() for l in lines[1:]}
    if "content-length" in headers:
        length = int(headers["content-length"])
        while len(body) < length:
            chunk = tls.recv(1 << 20)
            if not chunk:
                break
            body += chunk
    elif headers.get("transfer-encoding") == "chunked":
        while not body.endswith(b"0\r\n\r\n"):
            chunk = tls.recv(65536)
            if not chunk:
                break
            body += chunk
    return status, headers, body


def request(port, method, path, body, timeout=30):
    tls = connect(port, timeout)
    try:
        head = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        tls.sendall(head.encode() + body)
        return read_response(tls)
    finally:
        tls.close()


def admit(port, body, timeout=30):
    """Posts a review on a new connection: (status, allowed, status.code, seconds, response bytes)."""
    started = time.monotonic()
    status, _, answer = request(port, "POST", "/apply-poddefault", body, timeout)
    elapsed = time.monotonic() - started
    allowed = code = None
    if status == 200:
        response = json.loads(answer)["response"]
        allowed = response["allowed"]
        code = response.get("status", {}).get("code")
    return status, allowed, code, elapsed, len(answer)


def probe(port, body_file):
    """A normal review on a new connection from another process (curl), so the attack's threads do not delay it."""
    out = subprocess.run(["curl", "-sk", "--http1.1", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                          "-H", "Content-Type: application/json", "--data-binary", "@" + body_file,
                          f"https://127.0.0.1:{port}/apply-poddefault"], capture_output=True, text=True, timeout=60).stdout.split()
    return int(out[0]), float(out[1])


def sample_rss(server, stop, samples):
    while not stop.is_set() and server.alive():
        samples.append(server.rss_mb())
        time.sleep(0.25)


def slow_bodies(server, args):
    normal = normal_review()
    for _ in range(20):
        admit(server.port, normal)
    before = server.rss_mb()
    stop = threading.Event()
    answers = {}
    lock = threading.Lock()
    stalls_once = args.once

    def stall():
        while not stop.is_set():
            if stalls_once and answers:
                stop.wait()
                return
            try:
                tls = connect(server.port, args.duration + 30)
                tls.sendall(f"POST /apply-poddefault HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            f"Content-Length: {args.announce}\r\n\r\n".encode() + b" " * args.send)
                status = read_response(tls)[0]  # blocks until the server answers the stalled body
                with lock:
                    answers[status] = answers.get(status, 0) + 1
                tls.close()
            except (OSError, ConnectionError):
                with lock:
                    answers["closed"] = answers.get("closed", 0) + 1
                time.sleep(0.05)

    samples = []
    sampler = threading.Thread(target=sample_rss, args=(server, stop, samples))
    sampler.start()
    attackers = [threading.Thread(target=stall, daemon=True) for _ in range(args.connections)]
    for attacker in attackers:
        attacker.start()
    time.sleep(1)
    latencies, statuses = [], {}
    body_file = os.path.join(server.folder, "normal.json")
    with open(body_file, "wb") as f:
        f.write(normal)
    until = time.monotonic() + args.duration
    while time.monotonic() < until:
        status, elapsed = probe(server.port, body_file)
        statuses[status] = statuses.get(status, 0) + 1
        latencies.append(elapsed)
        time.sleep(0.5)
    stop.set()
    sampler.join()
    time.sleep(args.after)
    latencies.sort()
    return {
        "rss_before_mb": before, "rss_max_during_mb": max(samples), f"rss_{args.after}s_after_mb": server.rss_mb(),
        "stalled_bodies_answered": answers,
        "normal_reviews": {"statuses": statuses, "count": len(latencies),
                           "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1), "max_ms": round(latencies[-1] * 1000, 1)},
    }


def amplify(server, args):
    body = wide_review(args.containers)
    before = server.rss_mb()
    stop = threading.Event()
    samples = []
    sampler = threading.Thread(target=sample_rss, args=(server, stop, samples))
    sampler.start()
    results = [None] * args.parallel

    def post(i):
        try:
            results[i] = admit(server.port, body, timeout=120)
        except (OSError, ConnectionError) as error:
            results[i] = repr(error)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(args.parallel)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    sampler.join()
    time.sleep(args.after)
    return {
        "review_bytes": len(body), "rss_before_mb": before, "rss_max_mb": max(samples),
        f"rss_{args.after}s_after_mb": server.rss_mb(),
        "answers": [r if isinstance(r, str) else {"status": r[0], "allowed": r[1], "code": r[2], "seconds": round(r[3], 2), "response_bytes": r[4]}
                    for r in results],
    }


def escaped(server, args):
    body = escaped_review(args.pod_bytes)
    admit(server.port, normal_review())
    before = server.rss_mb()
    status, allowed, code, elapsed, size = admit(server.port, body, timeout=120)
    return {"review_bytes": len(body), "rss_before_mb": before, "peak_rss_vmhwm_mb": round(server.status("VmHWM") / 1e6, 1),
            "status": status, "allowed": allowed, "seconds": round(elapsed, 3), "response_bytes": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=["slow-bodies", "amplify", "escaped"])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=21443)
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server")
    parser.add_argument("--server-arg", action="append", default=[], help="an extra argument to serve")
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--announce", type=int, default=19922944, help="Content-Length the stalled bodies announce")
    parser.add_argument("--send", type=int, default=0, help="bytes each stalled body sends before it stalls")
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--once", action="store_true", help="each stalled connection stalls once (no reconnect)")
    parser.add_argument("--after", type=float, default=10)
    parser.add_argument("--containers", type=int, default=100_000)
    parser.add_argument("--parallel", type=int, default=1)
    parser.add_argument("--pod-bytes", type=int, default=int(1.35 * 1024 * 1024))
    args = parser.parse_args()
    env = dict(kv.split("=", 1) for kv in args.env)
    server = Server(args.binary, args.port, env, args.server_arg)
    try:
        result = {"slow-bodies": slow_bodies, "amplify": amplify, "escaped": escaped}[args.scenario](server, args)
        result["server_alive"] = server.alive()
        if server.alive():
            result["normal_review_after"] = admit(server.port, normal_review())[0]
        result["scenario"] = args.scenario
        result["env"] = env
        print(json.dumps(result))
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
