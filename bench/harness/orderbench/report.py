"""Medians over rounds, orderflow's ratios to each tool, the goals, as Markdown and JSON."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from .measure import Measurement
from .workloads import Workload

REFERENCE = "orderflow"
METRICS = ("rps", "cpu_ms_per_1000", "rss_peak_mib", "mean_ms", "p95_ms")


@dataclass
class Summary:
    """A tool's medians on one workload, over its rounds."""

    tool: str
    workload: str
    rounds: int
    rps: float
    cpu_ms_per_1000: float
    rss_peak_mib: float
    mean_ms: float
    p95_ms: float
    jit_share: float            # median share of the window's CPU taken by the JVM's JIT compilers
    errors: int                 # median over rounds
    requests: int               # median over rounds
    problems: list[str]         # every distinct problem of any round, with its round
    orders_tool: int | None = None
    orders_shop: int | None = None
    peak_users: int | None = None
    notes: dict | None = None

    @property
    def trusted(self) -> bool:
        return not self.problems


def median(values: list[float]) -> float:
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.median(finite) if finite else math.nan


def summarise(measurements: list[Measurement]) -> list[Summary]:
    groups: dict[tuple[str, str], list[Measurement]] = {}
    for m in measurements:
        groups.setdefault((m.workload, m.tool), []).append(m)
    summaries = []
    for (workload, tool), runs in groups.items():
        problems = [f"round {m.round}: {p}" for m in runs for p in m.problems]
        optional = lambda name: (None if getattr(runs[0], name) is None
                                 else int(median([getattr(m, name) for m in runs])))
        summaries.append(Summary(
            tool=tool, workload=workload, rounds=len(runs),
            rps=median([m.rps for m in runs]),
            cpu_ms_per_1000=median([m.cpu_ms_per_1000 for m in runs]),
            rss_peak_mib=median([m.rss_peak_mib for m in runs]),
            mean_ms=median([m.mean_ms for m in runs]),
            p95_ms=median([m.p95_ms for m in runs]),
            jit_share=median([m.jit_share for m in runs]),
            errors=int(median([m.errors for m in runs])),
            requests=int(median([m.requests for m in runs])),
            problems=problems,
            orders_tool=optional("orders_tool"), orders_shop=optional("orders_shop"),
            peak_users=optional("peak_users"),
            notes=runs[0].notes,
        ))
    return summaries


def ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


@dataclass
class Goal:
    text: str
    measured: float | None
    target: str
    met: bool | None  # None: not measured (a tool missing, or its figures untrusted)
    note: str = ""


def goals(summaries: list[Summary], workloads: list[Workload], gib_limit: float = 1024.0) -> list[Goal]:
    found = {(s.workload, s.tool): s for s in summaries}
    result: list[Goal] = []

    def compare(workload: str, other: str, metric: str, text: str, limit: float, at_most: bool) -> None:
        mine, theirs = found.get((workload, REFERENCE)), found.get((workload, other))
        if mine is None or theirs is None:
            result.append(Goal(text, None, f"{'≤' if at_most else '≥'} {limit}", None, "not run"))
            return
        r = ratio(getattr(mine, metric), getattr(theirs, metric))
        untrusted = [s.tool for s in (mine, theirs) if not s.trusted]
        met = (r <= limit if at_most else r >= limit) if not math.isnan(r) else None
        note = f"figures of {', '.join(untrusted)} failed their checks" if untrusted else ""
        result.append(Goal(text, r, f"{'≤' if at_most else '≥'} {limit}", None if untrusted else met, note))

    for w in workloads:
        if w.flow == "orders":
            compare(w.name, "jmeter-stock", "cpu_ms_per_1000",
                    f"{w.name}: CPU per request, orderflow ÷ JMeter stock", 0.7, True)
            compare(w.name, "locust-fast", "cpu_ms_per_1000",
                    f"{w.name}: CPU per request, orderflow ÷ Locust FastHttpUser", 0.25, True)
        elif w.flow == "index":
            compare(w.name, "jmeter-stock", "rps", f"{w.name}: req/s, orderflow ÷ JMeter stock", 1.3, False)
            compare(w.name, "wrk", "rps", f"{w.name}: req/s, orderflow ÷ wrk", 0.5, False)
        elif w.flow == "users":
            mine = found.get((w.name, REFERENCE))
            text = f"{w.name}: {w.users} users fit, generator peak RSS (MiB)"
            if mine is None:
                result.append(Goal(text, None, f"≤ {gib_limit:.0f}", None, "not run"))
            else:
                met = mine.rss_peak_mib <= gib_limit and mine.trusted
                note = "; ".join(mine.problems)
                result.append(Goal(text, mine.rss_peak_mib, f"≤ {gib_limit:.0f}", met, note))
    return result


def fmt(value: float | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def markdown(title: str, context: list[str], workloads: list[Workload], summaries: list[Summary],
             tool_titles: dict[str, str]) -> str:
    lines = [f"# {title}", ""]
    lines += [f"- {c}" for c in context]
    lines.append("")
    found = {(s.workload, s.tool): s for s in summaries}
    for w in workloads:
        rows = [s for s in summaries if s.workload == w.name]
        if not rows:
            continue
        rows.sort(key=lambda s: list(tool_titles).index(s.tool))
        lines += [f"## {w.name}: {w.describe}", ""]
        extra = " orders tool / shop |" if w.flow == "orders" else (" peak users |" if w.flow == "users" else "")
        lines.append(f"| tool | req/s | CPU ms / 1000 req | of it JIT | peak RSS MiB | mean ms | p95 ms | errors / requests |{extra} checks |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if extra else "") + "---|")
        for s in rows:
            cells = [tool_titles.get(s.tool, s.tool), fmt(s.rps), fmt(s.cpu_ms_per_1000, 1),
                     f"{100 * s.jit_share:.0f} %" if s.jit_share else "–", fmt(s.rss_peak_mib),
                     fmt(s.mean_ms, 2), fmt(s.p95_ms, 1), f"{s.errors:,} / {s.requests:,}"]
            if w.flow == "orders":
                cells.append(f"{fmt(s.orders_tool)} / {fmt(s.orders_shop)}")
            elif w.flow == "users":
                cells.append(fmt(s.peak_users))
            cells.append("ok" if s.trusted else "**FAILED:** " + "; ".join(s.problems))
            lines.append("| " + " | ".join(cells) + " |")
        for s in rows:
            if s.notes:
                lines.append("")
                lines.append(f"{tool_titles.get(s.tool, s.tool)}: " + ", ".join(f"{k} {v}" for k, v in s.notes.items()))
        mine = found.get((w.name, REFERENCE))
        others = [s for s in rows if s.tool != REFERENCE]
        if mine is not None and others:
            lines += ["", "| orderflow ÷ | req/s | CPU / req | peak RSS | mean | p95 |", "|---|---:|---:|---:|---:|---:|"]
            for s in others:
                flag = "" if s.trusted and mine.trusted else " ⚠"
                lines.append("| " + " | ".join([tool_titles.get(s.tool, s.tool) + flag] + [
                    fmt(ratio(getattr(mine, k), getattr(s, k)), 2) for k in METRICS]) + " |")
        lines.append("")
    return "\n".join(lines)


def goals_markdown(found: list[Goal]) -> str:
    lines = ["## Goals", "", "| goal | measured | target | met |", "|---|---:|---|---|"]
    for g in found:
        met = "–" if g.met is None else ("yes" if g.met else "**no**")
        if g.note:
            met += f" ({g.note})"
        lines.append(f"| {g.text} | {fmt(g.measured, 2)} | {g.target} | {met} |")
    return "\n".join(lines) + "\n"
