#!/usr/bin/env python3
"""Reads one benchmark run (results.csv, gc.log, memory.csv, jmeter.log) and prints its figures as JSON.

Active users come from the thread group's own count, which it logs once a second while it ramps, when a
ramp is done and when the shape ends ("at 10.000 s 10000 users running"), in seconds since it started.
"""
import csv
import json
import re
import sys
from pathlib import Path


def samples(path):
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            start = int(row["timeStamp"])
            rows.append((start, start + int(row["elapsed"]), int(row["grpThreads"]), row["success"] == "true",
                         row["threadName"]))
    return rows


def progress(log):
    """(seconds, users running) as the thread group logged them, in order."""
    return [(float(t), int(n)) for t, n in re.findall(r"at (\d+\.\d+) s (?:the ramp is done, |the shape ended, )?(\d+) users running", log)]


def active_at(points, second):
    """Users running at `second`: the group's last count logged at or before it."""
    before = [n for t, n in points if t <= second]
    return before[-1] if before else None


def peak_heap_mb(gc_log):
    """The largest heap occupancy seen by any GC (the 'before' of 'before->after(capacity)')."""
    peak = 0.0
    units = {"K": 1 / 1024, "M": 1, "G": 1024}
    for line in Path(gc_log).read_text(errors="replace").splitlines():
        for before, unit in re.findall(r"(\d+(?:\.\d+)?)([KMG])->\d+(?:\.\d+)?[KMG]\(", line):
            peak = max(peak, float(before) * units[unit])
    return round(peak)


def memory(path):
    hwm = rss = 0
    with open(path) as f:
        for line in f:
            _, line_rss, line_hwm = line.split(",")
            rss = max(rss, int(line_rss))
            hwm = max(hwm, int(line_hwm))
    return round(hwm / 1024), round(rss / 1024)


def main(run_dir, expected_users, duration):
    run = Path(run_dir)
    rows = samples(run / "results.csv")
    origin = min(r[0] for r in rows)
    first_sample = {}
    for start, _, _, _, thread in rows:
        first_sample[thread] = min(first_sample.get(thread, start), start)
    starts = sorted((s - origin) / 1000 for s in first_sample.values())
    hwm_mb, rss_mb = memory(run / "memory.csv")
    log = (run / "jmeter.log").read_text(errors="replace")
    threads = re.search(r"users run on ([^\n]+)", log)
    points = progress(log)
    ramp_done = re.search(r"at (\d+\.\d+) s the ramp is done, (\d+) users running", log)
    figures = {
        "threads": threads.group(1).strip() if threads else "unknown",
        "users_started": len(first_sample),
        "last_user_first_request_s": round(starts[-1], 2) if starts else None,
        "ramp_done_at_s": float(ramp_done.group(1)) if ramp_done else None,
        "active_at_10s": active_at(points, 10),
        "active_at_11s": active_at(points, 11),
        f"active_at_{duration}s": active_at(points, duration),
        "samples": len(rows),
        "errors": sum(1 for r in rows if not r[3]),
        "peak_rss_mb": hwm_mb,
        "peak_heap_used_mb": peak_heap_mb(run / "gc.log"),
        "all_active_by_11s": active_at(points, 11) == expected_users,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
