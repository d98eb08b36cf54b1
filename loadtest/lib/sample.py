#!/usr/bin/env python3
"""Samples CPU time and RSS of processes from /proc while a load runs.

    sample.py OUT PID [PID...]

Every 0.25 s appends "unix_time cpu_seconds rss_kib" (summed over the PIDs and their children, so nginx's
workers count) to OUT, until it gets SIGTERM or every process is gone.
"""
import os
import signal
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def sample(pids):
    cpu, rss, alive = 0.0, 0, False
    for pid in pids + [c for p in pids for c in children(p)]:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        alive = True
        cpu += (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
        rss += int(status.get("VmRSS", "0 kB").split()[0])  # gone while exiting
    return alive, cpu, rss


def main():
    out, pids = sys.argv[1], [int(p) for p in sys.argv[2:]]
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))
    with open(out, "w") as f:
        while running[0]:
            alive, cpu, rss = sample(pids)
            if not alive:
                break
            f.write(f"{time.time():.3f} {cpu:.2f} {rss}\n")
            f.flush()
            time.sleep(0.25)


main()
