"""The load generators under comparison: how each is started for a workload and how its results are read."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from .results import ToolReport, read_jmeter_csv, read_locust_csv, read_wrk_output
from .workloads import Workload


@dataclass(frozen=True)
class Setup:
    """Where things are and how generators are started, for one harness run."""

    harness: Path          # bench/harness
    csv_data: Path         # users.csv, products.csv
    jmeter_home: Path
    jmeter_java: str
    jmeter_jvm_options: tuple[str, ...]
    locust: str
    wrk: str
    flight_recorder: bool = False


@dataclass(frozen=True)
class Target:
    base_url: str
    host: str
    port: int
    admin_key: str


class Tool:
    name = ""
    title = ""
    flows: frozenset[str] = frozenset()

    def command(self, setup: Setup, workload: Workload, target: Target, out: Path) -> list[str]:
        raise NotImplementedError

    def read(self, out: Path, console: str) -> ToolReport:
        raise NotImplementedError

    def after_run(self, setup: Setup, out: Path) -> None:
        """Anything to derive from the run's files once the tool has exited."""


class JMeterTool(Tool):
    """JMeter 5.6.3 non-GUI with one of the bench plans (plans/<variant>-<flow>.jmx)."""

    def __init__(self, name: str, title: str, variant: str, flows: frozenset[str]):
        self.name, self.title, self.variant, self.flows = name, title, variant, flows

    def plan(self, setup: Setup, workload: Workload) -> Path:
        return setup.harness / "plans" / f"{self.variant}-{workload.flow}.jmx"

    def command(self, setup: Setup, workload: Workload, target: Target, out: Path) -> list[str]:
        recording = ([f"-XX:StartFlightRecording=filename={out / 'profile.jfr'},settings=profile"]
                     if setup.flight_recorder else [])
        return [
            setup.jmeter_java, *setup.jmeter_jvm_options, *recording,
            "-jar", str(setup.jmeter_home / "bin" / "ApacheJMeter.jar"),
            "-n", "-t", str(self.plan(setup, workload)),
            "-l", str(out / "results.csv"), "-j", str(out / "jmeter.log"),
            "-q", str(setup.harness / "jmeter" / "bench.properties"),
            f"-Jhost={target.host}", f"-Jport={target.port}",
            f"-Jusers={workload.users}", f"-Jspawn_rate={workload.spawn_rate}",
            f"-Jduration={workload.duration_s}", f"-Jrampup={-(-workload.users // workload.spawn_rate)}",
            f"-Jthink_min={workload.think_min_ms}", f"-Jthink_range={workload.think_max_ms - workload.think_min_ms}",
            f"-Jusers_csv={setup.csv_data / 'users.csv'}",
            f"-Jadmin_key={target.admin_key}",
            f"-Jsummary_file={out / 'order-summary.json'}",
        ]

    def read(self, out: Path, console: str) -> ToolReport:
        return read_jmeter_csv(out / "results.csv")

    def after_run(self, setup: Setup, out: Path) -> None:
        recording = out / "profile.jfr"
        if not recording.exists():
            return
        jfr = str(Path(setup.jmeter_java).parent / "jfr")
        for view in ("hot-methods", "allocation-by-class", "gc"):
            with (out / f"{view}.txt").open("w") as f:
                subprocess.run([jfr, "view", "--width", "200", view, str(recording)], stdout=f,
                               stderr=subprocess.STDOUT, timeout=300)


class LocustTool(Tool):
    """Locust headless, one process, with locust/locustfile.py's user classes."""

    def __init__(self, name: str, title: str, client: str):
        self.name, self.title, self.client = name, title, client
        self.flows = frozenset({"index", "orders"})

    def user_class(self, workload: Workload) -> str:
        return f"{self.client}{'Index' if workload.flow == 'index' else 'Order'}User"

    def command(self, setup: Setup, workload: Workload, target: Target, out: Path) -> list[str]:
        return [
            setup.locust, "-f", str(setup.harness / "locust" / "locustfile.py"),
            "--headless", "--only-summary",
            "-u", str(workload.users), "-r", str(workload.spawn_rate), "-t", f"{workload.duration_s}s",
            # let users finish the iteration in hand, so no order is cut off after the shop made it
            "--stop-timeout", "10",
            "--host", target.base_url,
            "--csv", str(out / "locust"),
            "--logfile", str(out / "locust.log"),
            self.user_class(workload),
        ]

    def read(self, out: Path, console: str) -> ToolReport:
        return read_locust_csv(out / "locust-final", out / "timeline.csv")


class WrkTool(Tool):
    """wrk, one thread (it has one core), on GET /: what the machine can serve."""

    name = "wrk"
    title = "wrk (GET /)"
    flows = frozenset({"index"})

    def command(self, setup: Setup, workload: Workload, target: Target, out: Path) -> list[str]:
        return [
            setup.wrk, "-t1", f"-c{workload.users}", f"-d{workload.duration_s}s", "--timeout", "10s",
            "-s", str(setup.harness / "wrk" / "summary.lua"), target.base_url + "/",
        ]

    def read(self, out: Path, console: str) -> ToolReport:
        return read_wrk_output(console)


ORDERFLOW = JMeterTool("orderflow", "orderflow (JMeter + plugin)", "orderflow",
                       frozenset({"index", "orders", "users"}))
JMETER_STOCK = JMeterTool("jmeter-stock", "JMeter stock HTTP sampler", "stock", frozenset({"index", "orders"}))
LOCUST_FAST = LocustTool("locust-fast", "Locust FastHttpUser", "Fast")
LOCUST_HTTP = LocustTool("locust-http", "Locust HttpUser", "Http")
WRK = WrkTool()

ALL = [ORDERFLOW, JMETER_STOCK, LOCUST_FAST, LOCUST_HTTP, WRK]


def by_name(names: list[str]) -> list[Tool]:
    known = {t.name: t for t in ALL}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown tool(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[n] for n in names]
