"""Test 7's shape on one machine, by the thread group's own benchmark (bench/threads/run.sh).

That script runs 10 000 users spawned at 1000/s on the index page with think time, on virtual threads
(Temurin 25) and on platform threads (Java 17), and writes each mode's figures as figures.json. The
harness calls it rather than repeating it, and turns its figures into rows of the report.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
from pathlib import Path

from .measure import MAX_ERROR_RATE, Measurement
from .workloads import Workload

MODES = {"virtual": "orderflow", "platform": "orderflow-platform"}


def run(repo: Path, workload: Workload, log: Path, modes: str = "virtual platform") -> list[Measurement]:
    script = repo / "bench" / "threads" / "run.sh"
    if not script.exists():
        raise SystemExit(f"{script} is missing: the many-users run needs the thread group's benchmark")
    env = dict(os.environ, USERS=str(workload.users), SPAWN_RATE=str(workload.spawn_rate),
               DURATION=str(workload.duration_s), MODES=modes)
    with log.open("w") as out:
        finished = subprocess.run(["bash", str(script)], cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  timeout=20 * 60)
    text = log.read_text(errors="replace")
    found = re.findall(r"results in (\S+)", text)
    # its exit status is not used: the script ends with its shop's SIGTERM status (143) even when
    # every mode ran; each mode's figures.json says whether that mode did
    if not found:
        return [failed(tool, workload, f"bench/threads/run.sh wrote no results (status {finished.returncode}); "
                                       f"see {log}") for tool in MODES.values()]
    results = Path(found[-1])
    measurements = []
    for mode in modes.split():
        figures_file = results / mode / "figures.json"
        if not figures_file.exists():
            measurements.append(failed(MODES[mode], workload, f"no {figures_file}"))
            continue
        measurements.append(from_figures(MODES[mode], workload, json.loads(figures_file.read_text())))
    return measurements


def from_figures(tool: str, workload: Workload, figures: dict) -> Measurement:
    samples, errors = figures["samples"], figures["errors"]
    m = Measurement(
        tool=tool, workload=workload.name, round=1, exit_code=0, requests=samples, errors=errors,
        rps=samples / workload.duration_s, cpu_ms_per_1000=math.nan, cpu_total_s=math.nan, jit_share=0.0,
        rss_peak_mib=float(figures["peak_rss_mb"]), mean_ms=math.nan, p95_ms=math.nan,
        window_s=float(workload.duration_s), window_requests=samples, mean_bytes=None,
        peak_users=figures["users_started"],
        notes={k: figures[k] for k in ("threads", "peak_heap_used_mb", "last_user_first_request_s",
                                       "active_at_11s", "all_active_by_11s") if k in figures},
    )
    if samples == 0:
        m.problems.append("made no requests")
    elif errors / samples > MAX_ERROR_RATE:
        m.problems.append(f"{100.0 * errors / samples:.1f} % errors")
    if figures["users_started"] < workload.users:
        m.problems.append(f"started {figures['users_started']} of {workload.users} users")
    return m


def failed(tool: str, workload: Workload, reason: str) -> Measurement:
    return Measurement(tool, workload.name, 1, 1, 0, 0, 0.0, math.nan, math.nan, 0.0, math.nan, math.nan,
                       math.nan, 0.0, 0, None, problems=[reason])
