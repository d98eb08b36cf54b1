#!/usr/bin/env python3
"""Starts a server and times it to its first /readyz 200; then its idle RSS. Prints one JSON line.

    startup.py PORT COMMAND [ARGS...]
"""
import http.client
import json
import signal
import ssl
import subprocess
import sys
import time


def ready(port, context):
    try:
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=1)
        connection.request("GET", "/readyz")
        return connection.getresponse().status == 200
    except OSError:
        return False


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def main():
    port, command = int(sys.argv[1]), sys.argv[2:]
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    started = time.monotonic()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not ready(port, context):
            if server.poll() is not None or time.monotonic() - started > 60:
                raise SystemExit(f"startup: the server exited or did not get ready ({server.returncode})")
            time.sleep(0.002)
        to_ready = (time.monotonic() - started) * 1000
        ready_rss = rss_mib(server.pid)
        time.sleep(5)
        print(json.dumps({"ready_ms": round(to_ready, 1), "rss_mb_at_ready": round(ready_rss, 1), "rss_mb_idle": round(rss_mib(server.pid), 1)}))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


main()
