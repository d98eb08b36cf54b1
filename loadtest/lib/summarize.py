#!/usr/bin/env python3
"""Medians of a scenario's runs, one row per server, and our ratios to the floors.

    summarize.py RESULTS.jsonl            a markdown table
    summarize.py RESULTS.jsonl --peak S   the median requests/s of server S (for the rate of later scenarios)
    summarize.py RESULTS.jsonl --growth   the table, and RSS growth from the first to the last sample
    summarize.py RESULTS.jsonl --compare A B   the table, and B's numbers over A's (also for A-half, B-half)
"""
import json
import statistics
import sys

METRICS = ["rps", "p50_ms", "p99_ms", "max_ms", "cpu_percent", "client_cpu_percent", "rss_mb_max", "errors",
           "ready_ms", "rss_mb_at_ready", "rss_mb_idle", "load_before"]


def medians(rows):
    by_server = {}
    for row in rows:
        by_server.setdefault(row["server"], []).append(row)
    result = {}
    for server, runs in by_server.items():
        result[server] = {"runs": len(runs)}
        for metric in METRICS:
            values = [r[metric] for r in runs if r.get(metric) is not None]
            if values:
                result[server][metric] = round(statistics.median(values), 3)
        result[server]["tls"] = sorted({t for r in runs for t in r.get("tls", [])})
    return result


def main():
    path, args = sys.argv[1], sys.argv[2:]
    rows = [json.loads(line) for line in open(path) if line.strip()]
    table = medians(rows)
    if args[:1] == ["--peak"]:
        print(round(table[args[1]]["rps"]))
        return
    metrics = [m for m in METRICS if any(m in t for t in table.values())]
    print("| server | runs | " + " | ".join(metrics) + " |")
    print("|---|---|" + "---|" * len(metrics))
    for server, values in table.items():
        print(f"| {server} | {values['runs']} | " + " | ".join(str(values.get(m, "")) for m in metrics) + " |")
    ours = table.get("ours")
    for floor in ("floor", "nginx"):
        if ours and floor in table and "rps" in ours:
            ratios = {m: round(ours[m] / table[floor][m], 3) for m in ("rps", "p50_ms", "p99_ms", "cpu_percent", "rss_mb_max")
                      if table[floor].get(m)}
            print(f"ours/{floor}: " + ", ".join(f"{m} {r}" for m, r in ratios.items()))
    tls = {t for v in table.values() for t in v["tls"]}
    if tls:
        print("TLS negotiated: " + ("; ".join(sorted(tls))) + (" (same for every server)" if len(tls) == 1 else " (DIFFERENT)"))
    if args[:1] == ["--compare"]:
        for suffix in ("", "-half"):
            a, b = table.get(args[1] + suffix), table.get(args[2] + suffix)
            if a and b:
                ratios = {m: round(b[m] / a[m], 3) for m in ("rps", "p50_ms", "p99_ms", "cpu_percent", "rss_mb_max") if a.get(m)}
                print(f"{args[2] + suffix} / {args[1] + suffix}: " + ", ".join(f"{m} {r}" for m, r in ratios.items()))
    if "--growth" in args:
        for row in rows:
            growth = (row["rss_mb_last"] - row["rss_mb_first"]) / row["rss_mb_first"] * 100
            print(f"{row['server']} run {row['run']}: RSS {row['rss_mb_first']} -> {row['rss_mb_last']} MB ({growth:+.1f}%), max {row['rss_mb_max']} MB, errors {row['errors']}")


main()
