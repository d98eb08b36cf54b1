#!/usr/bin/env python3
"""Reads one load run (h2load outputs, request logs, /proc samples) and prints its numbers as one JSON line.

    report.py RUN_DIR WARMUP_SECONDS

RUN_DIR holds h2load-*.out (summaries), h2load-*.log (per request: start µs, status, duration µs) and
samples.txt (sample.py). Latencies come from the request logs of all clients together, after the warm-up.
"""
import glob
import json
import re
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def measured(path, start):
    """The /proc samples taken after the warm-up."""
    try:
        samples = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
    except OSError:
        return []
    return [s for s in samples if s[0] >= start / 1e6] or samples


def cpu_percent(window):
    """CPU time over wall time from the first sample to the one with the most CPU (later ones may miss exited clients)."""
    if len(window) < 2:
        return None
    end = max(window, key=lambda s: s[1])
    return (end[1] - window[0][1]) / (end[0] - window[0][0]) * 100 if end[0] > window[0][0] else None


def main():
    run, warmup = sys.argv[1], float(sys.argv[2])
    rps, done, failed, non2xx, tls = 0.0, 0, 0, 0, set()
    for path in glob.glob(f"{run}/h2load-*.out"):
        text = open(path).read()
        if m := re.search(r"finished in [\d.]+m?s, ([\d.]+) req/s", text):
            rps += float(m.group(1))
        if m := re.search(r"requests: (\d+) total, \d+ started, (\d+) done, \d+ succeeded, (\d+) failed, (\d+) errored, (\d+) timeout", text):
            done += int(m.group(2))
            failed += int(m.group(3)) + int(m.group(4)) + int(m.group(5))
        if m := re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", text):
            non2xx += int(m.group(2)) + int(m.group(3)) + int(m.group(4))
        protocol = re.search(r"TLS Protocol: (\S+)", text)
        cipher = re.search(r"Cipher: (\S+)", text)
        alpn = re.search(r"Application protocol: (\S+)", text)
        tls.add(" ".join(m.group(1) for m in (protocol, cipher, alpn) if m))

    entries = []
    for path in glob.glob(f"{run}/h2load-*.log"):
        for line in open(path):
            parts = line.split()
            if len(parts) == 3:
                entries.append((int(parts[0]), int(parts[1]), int(parts[2])))
    start = min((e[0] for e in entries), default=0) + warmup * 1e6
    latencies = sorted(e[2] / 1000 for e in entries if e[0] >= start)
    log_errors = sum(1 for e in entries if e[1] != 200)

    window = measured(f"{run}/samples.txt", start)
    cpu = cpu_percent(window)
    rss = [s[2] / 1024 for s in window]
    client_cpu = cpu_percent(measured(f"{run}/samples-client.txt", start))
    print(json.dumps({
        "rps": round(rps, 1),
        "requests": done,
        "errors": failed + non2xx + log_errors,
        "p50_ms": round(percentile(latencies, 50), 3) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 3) if latencies else None,
        "max_ms": round(latencies[-1], 3) if latencies else None,
        "cpu_percent": round(cpu, 1) if cpu is not None else None,
        "client_cpu_percent": round(client_cpu, 1) if client_cpu is not None else None,
        "rss_mb_max": round(max(rss), 1) if rss else None,
        "rss_mb_first": round(rss[0], 1) if rss else None,
        "rss_mb_last": round(rss[-1], 1) if rss else None,
        "tls": sorted(tls),
    }))


main()
