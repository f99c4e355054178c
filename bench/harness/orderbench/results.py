"""Reading each tool's own results: what it says it did, how fast, with how many errors.

Means and 95th percentiles are the tools' own figures where the tool prints them (Locust's stats
CSV, wrk's latency histogram); JMeter prints none in non-GUI mode, so they are computed from its
results CSV the way its Aggregate Report does (all samples, nearest rank).
"""

from __future__ import annotations

import bisect
import csv
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ORDER_LABEL = "CreateOrder"


class Timeline:
    """How many requests a tool had completed at each moment (epoch seconds)."""

    def __init__(self, points: list[tuple[float, int]]):
        self.points = sorted(points)
        self._times = [t for t, _ in self.points]

    @staticmethod
    def of_completions(end_times: list[float], weights: list[int] | None = None) -> "Timeline":
        """From each sample's end time and how many requests it made (1 each when not given)."""
        pairs = sorted(zip(end_times, weights or [1] * len(end_times)))
        points, done = [], 0
        for t, n in pairs:
            done += n
            points.append((t, done))
        return Timeline(points)

    @property
    def first(self) -> float:
        return next(t for t, n in self.points if n > 0)

    @property
    def last(self) -> float:
        """When the last request completed (a tool may idle a while before it exits)."""
        final = self.points[-1][1]
        return next(t for t, n in self.points if n == final)

    def count_at(self, at: float) -> float:
        i = bisect.bisect_right(self._times, at)
        if i == 0:
            return 0.0
        if i == len(self.points):
            return float(self.points[-1][1])
        (t0, n0), (t1, n1) = self.points[i - 1], self.points[i]
        return n0 + (n1 - n0) * (at - t0) / (t1 - t0) if t1 > t0 else float(n1)


@dataclass
class LabelStats:
    count: int = 0
    errors: int = 0


@dataclass
class ToolReport:
    """What a tool reported about its own run.

    requests counts HTTP requests; errors, mean_ms and p95_ms are per sample, as the tool reports them
    (a sample is one request for every tool but orderflow's Add to cart, which covers one or two).
    """

    requests: int
    errors: int
    mean_ms: float
    p95_ms: float
    mean_bytes: float | None
    run_s: float
    timeline: Timeline | None = None
    peak_threads: int | None = None  # most threads (users) active at once, where the tool says
    by_label: dict[str, LabelStats] = field(default_factory=dict)
    error_kinds: Counter = field(default_factory=Counter)
    samples: int | None = None

    @property
    def orders_created(self) -> int:
        stats = self.by_label.get(ORDER_LABEL, LabelStats())
        return stats.count - stats.errors

    @property
    def order_errors(self) -> int:
        return self.by_label.get(ORDER_LABEL, LabelStats()).errors


def nearest_rank(sorted_values: list[float], percent: float) -> float:
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(percent / 100.0 * len(sorted_values)))
    return sorted_values[rank - 1]


def requests_per_sample(rows: list[dict]) -> dict[str, int]:
    """The smallest bytes sent by a sample of each label: what one HTTP request of that label sends.

    orderflow's Add to cart sample covers every POST of its step (one or two), so a sample is not a
    request; its sent bytes (the sum over its requests) tell how many it made.
    """
    smallest: dict[str, int] = {}
    for row in rows:
        sent = int(row.get("sentBytes") or 0)
        if sent > 0:
            smallest[row["label"]] = min(sent, smallest.get(row["label"], sent))
    return smallest


def read_jmeter_csv(path: Path) -> ToolReport:
    """JMeter's results CSV (the columns bench.properties asks for), one row per sample."""
    with path.open(newline="", encoding="utf-8", errors="replace") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return ToolReport(0, 0, math.nan, math.nan, None, 0.0)
    one_request = requests_per_sample(rows)
    elapsed: list[float] = []
    ends: list[float] = []
    weights: list[int] = []
    total_bytes = 0
    errors = 0
    by_label: dict[str, LabelStats] = {}
    kinds: Counter = Counter()
    peak_threads = None
    for row in rows:
        start_ms, took = int(row["timeStamp"]), int(row["elapsed"])
        label = row["label"]
        sent = int(row.get("sentBytes") or 0)
        unit = one_request.get(label)
        weights.append(max(1, round(sent / unit)) if unit and sent else 1)
        elapsed.append(took)
        ends.append((start_ms + took) / 1000.0)
        total_bytes += int(row.get("bytes") or 0)
        if row.get("allThreads"):
            peak_threads = max(peak_threads or 0, int(row["allThreads"]))
        stats = by_label.setdefault(label, LabelStats())
        stats.count += 1
        if row["success"] != "true":
            errors += 1
            stats.errors += 1
            reason = row.get("failureMessage") or row.get("responseMessage") or ""
            kinds[f"{label}: {row['responseCode']} {reason}"[:120]] += 1
    first_start = min(int(row["timeStamp"]) for row in rows) / 1000.0
    requests = sum(weights)
    samples = len(elapsed)
    elapsed.sort()
    return ToolReport(
        requests=requests,
        errors=errors,
        mean_ms=sum(elapsed) / samples,
        p95_ms=nearest_rank(elapsed, 95),
        mean_bytes=total_bytes / requests,
        run_s=max(ends) - first_start,
        timeline=Timeline.of_completions(ends, weights),
        peak_threads=peak_threads,
        by_label=by_label,
        error_kinds=kinds,
        samples=samples,
    )


def read_locust_csv(prefix: Path, timeline_file: Path | None) -> ToolReport:
    """Locust's --csv files: <prefix>_stats.csv (per name and Aggregated) and <prefix>_failures.csv."""
    by_label: dict[str, LabelStats] = {}
    total = None
    with Path(f"{prefix}_stats.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            if row["Name"] == "Aggregated":
                total = row
            else:
                stats = by_label.setdefault(row["Name"], LabelStats())
                stats.count += int(row["Request Count"])
                stats.errors += int(row["Failure Count"])
    if total is None:
        raise ValueError(f"no Aggregated row in {prefix}_stats.csv")
    kinds: Counter = Counter()
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with failures.open(newline="") as f:
            for row in csv.DictReader(f):
                kinds[f"{row['Name']}: {row['Error']}"[:120]] += int(row["Occurrences"])
    timeline = None
    if timeline_file is not None and timeline_file.exists():
        with timeline_file.open(newline="") as f:
            points = [(float(t), int(n)) for t, n in csv.reader(f)]
        if any(n > 0 for _, n in points):
            timeline = Timeline(points)
    requests = int(total["Request Count"])
    rps = float(total["Requests/s"])
    return ToolReport(
        requests=requests,
        errors=int(total["Failure Count"]),
        mean_ms=float(total["Average Response Time"]),
        p95_ms=float(total["95%"]) if total["95%"] not in ("", "N/A") else math.nan,
        mean_bytes=float(total["Average Content Size"]),
        run_s=requests / rps if rps > 0 else 0.0,
        timeline=timeline,
        by_label=by_label,
        error_kinds=kinds,
    )


def read_wrk_output(text: str) -> ToolReport:
    """wrk's console output with the WRK-SUMMARY line that wrk/summary.lua prints."""
    line = next((l for l in text.splitlines() if l.startswith("WRK-SUMMARY ")), None)
    if line is None:
        raise ValueError("wrk printed no WRK-SUMMARY line (was it run with -s summary.lua?)")
    s = json.loads(line[len("WRK-SUMMARY "):])
    kinds: Counter = Counter()
    for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeout_errors"):
        if s[key]:
            kinds[f"GET /: {key.replace('_', ' ')}"] = s[key]
    requests = s["requests"]
    return ToolReport(
        requests=requests,
        errors=sum(kinds.values()),
        mean_ms=s["mean_us"] / 1000.0,
        p95_ms=s["p95_us"] / 1000.0,
        mean_bytes=s["bytes"] / requests if requests else None,
        run_s=s["duration_us"] / 1e6,
        by_label={"Page": LabelStats(requests, s["status_errors"])},
        error_kinds=kinds,
    )
