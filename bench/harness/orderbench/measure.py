"""One tool run: start it pinned, meter its processes, read its report, check it did the work."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .procmeter import ProcessTreeMeter
from .results import ToolReport
from .shop import ShopServer, ShopStats
from .tools import Setup, Target, Tool
from .workloads import Workload

MAX_ERROR_RATE = 0.01


@dataclass
class Measurement:
    tool: str
    workload: str
    round: int
    exit_code: int
    requests: int
    errors: int
    rps: float                 # steady-state window
    cpu_ms_per_1000: float     # generator CPU ms per 1000 requests, steady-state window
    cpu_total_s: float         # generator CPU over its whole life (start-up and shut-down too)
    jit_share: float           # of the window's CPU: the JVM's JIT compiler threads
    rss_peak_mib: float        # VmHWM of the generator's processes
    mean_ms: float
    p95_ms: float
    window_s: float
    window_requests: int
    mean_bytes: float | None
    orders_tool: int | None = None        # CreateOrder successes the tool reported
    order_errors_tool: int | None = None  # CreateOrder failures the tool reported
    orders_shop: int | None = None        # growth of the shop's order count during the run
    peak_users: int | None = None
    problems: list[str] = field(default_factory=list)
    top_errors: list[tuple[str, int]] = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # figures a run reports beyond the common ones

    @property
    def trusted(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return asdict(self)


def steady_window(report: ToolReport, meter: ProcessTreeMeter, warmup_s: float) -> tuple[float, int, float, float]:
    """(seconds, requests, CPU seconds, JIT CPU seconds) from `warmup_s` after the first response to the last one.

    Start-up (JVM, Python imports), the ramp and JIT warm-up fall before the window; the tool's
    shut-down after it. A tool without a timeline (wrk: C, no start-up to speak of) is taken whole.
    """
    timeline = report.timeline
    if timeline is None:
        return report.run_s, report.requests, meter.total_cpu_s, 0.0
    first, last = timeline.first, timeline.last
    start = first + warmup_s
    if last - start < 1.0:  # too short a run for a window: use all of it
        start = first
    seconds = last - start
    requests = round(timeline.count_at(last) - timeline.count_at(start))
    cpu = meter.cpu_at(last) - meter.cpu_at(start)
    jit = meter.jit_at(last) - meter.jit_at(start)
    return seconds, requests, cpu, jit


def check(m: Measurement, workload: Workload, timed_out: bool, page_bytes: int, before: ShopStats | None,
          after: ShopStats | None) -> list[str]:
    """Why a run's figures cannot be trusted; empty when the tool did the work it claims."""
    problems = []
    if timed_out:
        problems.append("did not stop on time (killed)")
    if m.requests == 0:
        problems.append("made no requests")
        return problems
    if m.errors / m.requests > MAX_ERROR_RATE:
        problems.append(f"{100.0 * m.errors / m.requests:.1f} % errors")
    if workload.flow in ("index", "users") and m.mean_bytes is not None and m.mean_bytes < 0.95 * page_bytes:
        problems.append(f"responses average {m.mean_bytes:.0f} B, the index page is {page_bytes} B")
    if workload.flow == "orders" and before is not None and after is not None:
        if m.orders_tool == 0:
            problems.append("created no orders")
        # every order the shop made must be one the tool saw succeed, or one it counted as an error
        # (a timeout may hide a created order); nothing else explains a difference
        if abs(m.orders_shop - m.orders_tool) > m.order_errors_tool:
            problems.append(f"shop created {m.orders_shop} orders, tool reports {m.orders_tool} "
                            f"with {m.order_errors_tool} order errors")
        if not after.stock_balanced:
            problems.append("shop stock does not balance (initial != remaining + sold)")
    if workload.flow == "users" and m.peak_users is not None and m.peak_users < workload.users:
        problems.append(f"reached {m.peak_users} of {workload.users} users")
    return problems


def run_tool(tool: Tool, workload: Workload, round_number: int, setup: Setup, shop: ShopServer,
             generator_cpus: str, page_bytes: int, out: Path) -> Measurement:
    out.mkdir(parents=True, exist_ok=True)
    shop.reset()
    before = shop.stats()
    target = Target(shop.base_url, "127.0.0.1", shop.port, shop.admin_key)
    command = ["taskset", "-c", generator_cpus] + tool.command(setup, workload, target, out)
    env = dict(os.environ, BENCH_USERS_CSV=str(setup.csv_data / "users.csv"),
               BENCH_TIMELINE=str(out / "timeline.csv"), BENCH_FINAL_STATS=str(out / "locust-final"))
    (out / "command.txt").write_text(" ".join(command).replace(shop.admin_key, "<admin-key>") + "\n")
    console_path = out / "console.txt"
    with console_path.open("w") as console:
        launched = time.time()
        process = subprocess.Popen(command, cwd=out, stdout=console, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env)
        meter = ProcessTreeMeter(process.pid).start(launched)
        timed_out = not meter.wait_for_exit(timeout=workload.duration_s + 120)
        if timed_out:
            process.kill()
            meter.wait_for_exit(timeout=30)
        exit_code = process.wait()  # reaps it: the meter has its final reading
    after = shop.stats()
    tool.after_run(setup, out)
    console_text = console_path.read_text(errors="replace")
    try:
        report = tool.read(out, console_text)
    except (OSError, ValueError, KeyError) as e:
        return Measurement(tool.name, workload.name, round_number, exit_code, 0, 0, 0.0, float("nan"),
                           meter.total_cpu_s, 0.0, meter.peak_hwm_kib / 1024, float("nan"), float("nan"), 0.0, 0,
                           None, problems=[f"no results to read: {e}"])
    seconds, window_requests, window_cpu, window_jit = steady_window(report, meter, workload.warmup_s)
    m = Measurement(
        tool=tool.name, workload=workload.name, round=round_number, exit_code=exit_code,
        requests=report.requests, errors=report.errors,
        rps=window_requests / seconds if seconds > 0 else 0.0,
        cpu_ms_per_1000=1e6 * window_cpu / window_requests if window_requests else float("nan"),
        cpu_total_s=meter.total_cpu_s,
        jit_share=window_jit / window_cpu if window_cpu > 0 else 0.0,
        rss_peak_mib=meter.peak_hwm_kib / 1024,
        mean_ms=report.mean_ms, p95_ms=report.p95_ms,
        window_s=seconds, window_requests=window_requests, mean_bytes=report.mean_bytes,
        peak_users=report.peak_threads,
        top_errors=report.error_kinds.most_common(3),
    )
    if workload.flow == "orders":
        m.orders_tool, m.order_errors_tool = report.orders_created, report.order_errors
        m.orders_shop = after.orders - before.orders
    m.problems = check(m, workload, timed_out, page_bytes, before, after)
    return m
