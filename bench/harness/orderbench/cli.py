"""The benchmark run: the shop on one core, each tool in turn on the other, rounds, medians, the report.

Started by bench/harness/run.sh, which installs and builds what is missing first.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from . import report, threads_benchmark, tools, workloads
from .measure import Measurement, run_tool
from .shop import ShopServer


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="run.sh", description="orderflow side-by-side benchmark")
    p.add_argument("--quick", action="store_true", help="seconds-long runs, one round: tries the harness out")
    p.add_argument("--rounds", type=int, help="rounds of every tool on every workload (default 3, quick 1)")
    p.add_argument("--tools", default=",".join(t.name for t in tools.ALL), help="comma-separated tools")
    p.add_argument("--workloads", help="comma-separated workload names (default: all)")
    p.add_argument("--duration", type=int, help="seconds of every run, instead of the workload's own")
    p.add_argument("--no-users", action="store_true", help="skip the many-users (test 7 shape) memory run")
    p.add_argument("--shop-cpus", default="0", help="taskset CPU list for the shop (default 0)")
    p.add_argument("--generator-cpus", default="1", help="taskset CPU list for the load generators (default 1)")
    p.add_argument("--shop-jar", type=Path, required=True)
    p.add_argument("--csv-data", type=Path, required=True)
    p.add_argument("--jmeter-home", type=Path, required=True)
    p.add_argument("--candidate-jmeter-home", type=Path,
                   help="JMeter home with a candidate plugin build, for the orderflow-candidate tool")
    p.add_argument("--jmeter-java", required=True, help="java that runs both JMeter variants")
    p.add_argument("--jmeter-jvm-options", default="-Xms128m -Xmx1g")
    p.add_argument("--shop-java", default="java")
    p.add_argument("--profile", action="store_true",
                   help="profile every JMeter run's CPU with async-profiler; hot spots go beside the run")
    p.add_argument("--results", type=Path, required=True, help="folder for <timestamp>.md/.json and the raw runs")
    return p.parse_args(argv)


def command_output(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (out.stdout + out.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"({e})"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    rounds = args.rounds or (1 if args.quick else 3)
    chosen_tools = tools.by_name(args.tools.split(","))
    chosen = workloads.standard(args.quick)
    if not args.no_users:
        chosen.append(workloads.many_users(args.quick))
    if args.workloads:
        wanted = args.workloads.split(",")
        chosen = [w for w in chosen if w.name in wanted]
    if args.duration:
        chosen = [dataclasses.replace(w, duration_s=args.duration) for w in chosen]
    harness = Path(__file__).resolve().parent.parent
    setup = tools.Setup(harness=harness, csv_data=args.csv_data.resolve(), jmeter_home=args.jmeter_home.resolve(),
                        jmeter_java=args.jmeter_java, jmeter_jvm_options=tuple(args.jmeter_jvm_options.split()),
                        locust="/usr/bin/locust", wrk="/usr/bin/wrk", profiler=(args.jmeter_home.resolve().parent / "async-profiler" / "linux-x64" / "libasyncProfiler.so")
                        if args.profile else None,
                        candidate_home=args.candidate_jmeter_home.resolve() if args.candidate_jmeter_home else None)

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    runs_dir = args.results / "runs" / stamp
    runs_dir.mkdir(parents=True, exist_ok=True)
    # the harness only sleeps and reads /proc; it stays off the generators' core
    os.sched_setaffinity(0, {int(c) for c in args.shop_cpus.split(",")})

    load_before = load_average()
    shop = ShopServer(args.shop_jar.resolve(), setup.csv_data, args.shop_cpus, args.shop_java,
                      runs_dir / "shop.log",
                      connections_per_address=max(256, 2 * max((w.users for w in chosen), default=0))).start()
    measurements: list[Measurement] = []
    started = time.time()
    try:
        page_bytes = shop.index_page_bytes()
        print(f"shop at {shop.base_url} (CPU {args.shop_cpus}); generators on CPU {args.generator_cpus}; "
              f"index page {page_bytes} B", flush=True)
        warm_up(setup, shop, args, page_bytes, runs_dir / "warm-up", chosen_tools)
        per_round = [w for w in chosen if w.flow != "users"]
        for r in range(1, rounds + 1):
            for w in per_round:
                # a different tool goes first each round, so none always meets a freshly reset shop
                runnable = [t for t in chosen_tools if w.flow in t.flows]
                shift = (r - 1) % max(1, len(runnable))
                for tool in runnable[shift:] + runnable[:shift]:
                    measurements.append(run_one(tool, w, r, setup, shop, args, page_bytes, runs_dir))
        for w in (w for w in chosen if w.flow == "users"):
            # the thread group's own benchmark, with its own shop; ours idles meanwhile
            print(f"{w.name}: bench/threads/run.sh (a few minutes)", flush=True)
            found = threads_benchmark.run(harness.parent.parent, w, runs_dir / "threads.log")
            for m in found:
                print(f"round 1 {w.name:<12} {m.tool:<13} peak RSS {m.rss_peak_mib:6.0f} MiB  users {m.peak_users}  "
                      f"errors {m.errors}/{m.requests}  {'ok' if m.trusted else 'FAILED: ' + '; '.join(m.problems)}",
                      flush=True)
            measurements += found
    finally:
        shop.stop()

    summaries = report.summarise(measurements)
    goals = report.goals(summaries, chosen)
    context = [
        f"{datetime.now().isoformat(timespec='seconds')}, {rounds} round(s), medians; "
        f"{'quick mode (seconds-long runs: try-out figures)' if args.quick else 'full run'}; "
        f"took {(time.time() - started) / 60:.1f} min",
        f"machine: {os.cpu_count()} × {cpu_model()}, load average before {load_before}, after {load_average()}",
        f"shop pinned to CPU {args.shop_cpus}, every load generator to CPU {args.generator_cpus} (taskset); "
        f"index page {page_bytes} B",
        f"JMeter 5.6.3 on {command_output([args.jmeter_java, '-version']).splitlines()[0]}, "
        f"{args.jmeter_jvm_options}; shop on {command_output([args.shop_java, '-version']).splitlines()[0]}",
        f"{command_output([setup.locust, '--version'])} (python3 {platform.python_version()}); "
        f"{command_output([setup.wrk, '--version']).splitlines()[0]}",
        "req/s and CPU per request: steady state, from the warm-up's end to the last response (JIT: the share of "
        "that CPU taken by the JVM's compiler threads); mean and p95: per sample over the whole run, as the tool "
        "reports them; peak RSS: VmHWM of the generator's processes",
    ]
    titles = {t.name: t.title for t in tools.KNOWN}
    text = report.markdown("orderflow benchmark", context, chosen, summaries, titles) + "\n" + report.goals_markdown(goals)
    md_path, json_path = args.results / f"{stamp}.md", args.results / f"{stamp}.json"
    md_path.write_text(text)
    json_path.write_text(json.dumps({
        "context": context,
        "workloads": [w.__dict__ | {"describe": w.describe} for w in chosen],
        "measurements": [m.to_json() for m in measurements],
        "summaries": [s.__dict__ for s in summaries],
        "goals": [g.__dict__ for g in goals],
    }, indent=2, default=str))
    print()
    print(text)
    print(f"written: {md_path} and {json_path}; raw runs in {runs_dir}")
    return 0


def warm_up(setup, shop, args, page_bytes, out, chosen_tools) -> None:
    """A few seconds of every flow before the first measured run, so the shop's JIT is warm for all."""
    w = workloads.Workload("warm-up-orders", "orders", 50, 50, 5, 1.0)
    names = {t.name for t in chosen_tools}
    warmer = tools.LOCUST_FAST if "locust-fast" in names or not names & {"orderflow", "jmeter-stock"} else tools.JMETER_STOCK
    run_tool(warmer, w, 0, setup, shop, args.generator_cpus, page_bytes, out / "orders")
    if "wrk" in names:
        run_tool(tools.WRK, workloads.Workload("warm-up-index", "index", 10, 10, 3, 0.0), 0, setup, shop,
                 args.generator_cpus, page_bytes, out / "index")


def run_one(tool, w, r, setup, shop, args, page_bytes, runs_dir) -> Measurement:
    m = run_tool(tool, w, r, setup, shop, args.generator_cpus, page_bytes, runs_dir / f"{r}-{w.name}-{tool.name}")
    status = "ok" if m.trusted else "FAILED: " + "; ".join(m.problems)
    print(f"round {r} {w.name:<12} {tool.name:<13} {m.rps:9,.0f} req/s  {m.cpu_ms_per_1000:7.1f} CPU ms/1000 req "
          f"(JIT {100 * m.jit_share:2.0f} %)  "
          f"{m.rss_peak_mib:6.0f} MiB  mean {m.mean_ms:7.2f} ms  p95 {m.p95_ms:7.1f} ms  "
          f"errors {m.errors}/{m.requests}  {status}", flush=True)
    return m


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
