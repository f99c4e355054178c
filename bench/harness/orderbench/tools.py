"""The load generators under comparison: how each is started for a workload and how its results are read."""

from __future__ import annotations

from collections import Counter
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
    profiler: Path | None = None  # async-profiler's agent, when JMeter runs are to be profiled
    candidate_home: Path | None = None  # a JMeter home with a candidate build of the plugin in lib/ext


@dataclass(frozen=True)
class Target:
    base_url: str
    host: str
    port: int
    admin_key: str


def hot_spots(collapsed: str, top: int = 40) -> str:
    """async-profiler's collapsed stacks as two tables: where CPU is spent (self), and what spends it
    (inclusive, by frame), each with its share of all samples."""
    own: Counter = Counter()
    inclusive: Counter = Counter()
    by_thread: Counter = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = stack.split(";")
        # the first frame is the thread ("[name tid=…]"): group numbered pool threads under one name
        thread = frames[0].split(" tid=")[0].strip("[]").rstrip("0123456789-#").rstrip()
        by_thread[thread] += n
        frames = frames[1:] or frames
        total += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    if total == 0:
        return "no samples\n"
    lines = [f"{total} samples", "", "threads:"]
    lines += [f"{100.0 * n / total:6.2f}%  {name}" for name, n in by_thread.most_common(15)]
    lines += ["", "self:"]
    lines += [f"{100.0 * n / total:6.2f}%  {frame}" for frame, n in own.most_common(top)]
    lines += ["", "inclusive:"]
    lines += [f"{100.0 * n / total:6.2f}%  {frame}" for frame, n in inclusive.most_common(3 * top)]
    return "\n".join(lines) + "\n"


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

    def __init__(self, name: str, title: str, variant: str, flows: frozenset[str],
                 properties: tuple[tuple[str, str], ...] = (), candidate: bool = False):
        self.name, self.title, self.variant, self.flows = name, title, variant, flows
        self.properties = properties
        self.candidate = candidate

    def home(self, setup: Setup) -> Path:
        if not self.candidate:
            return setup.jmeter_home
        if setup.candidate_home is None:
            raise SystemExit(f"{self.name} needs a candidate plugin jar: set BENCH_CANDIDATE_JAR for run.sh")
        return setup.candidate_home

    def plan(self, setup: Setup, workload: Workload) -> Path:
        return setup.harness / "plans" / f"{self.variant}-{workload.flow}.jmx"

    def command(self, setup: Setup, workload: Workload, target: Target, out: Path) -> list[str]:
        recording = ([f"-agentpath:{setup.profiler}=start,event=cpu,interval=1ms,threads,collapsed,"
                      f"file={out / 'profile.collapsed'}"] if setup.profiler else [])
        return [
            setup.jmeter_java, *setup.jmeter_jvm_options, *recording,
            "-jar", str(self.home(setup) / "bin" / "ApacheJMeter.jar"),
            "-n", "-t", str(self.plan(setup, workload)),
            "-l", str(out / "results.csv"), "-j", str(out / "jmeter.log"),
            "-q", str(setup.harness / "jmeter" / "bench.properties"),
            f"-Jhost={target.host}", f"-Jport={target.port}",
            f"-Jusers={workload.users}", f"-Jspawn_rate={workload.spawn_rate}",
            f"-Jduration={workload.duration_s}", f"-Jrampup={-(-workload.users // workload.spawn_rate)}",
            f"-Jusers_csv={setup.csv_data / 'users.csv'}",
            f"-Jadmin_key={target.admin_key}",
            f"-Jsummary_file={out / 'order-summary.json'}",
            *(f"-J{name}={value}" for name, value in self.properties),
        ]

    def read(self, out: Path, console: str) -> ToolReport:
        return read_jmeter_csv(out / "results.csv")

    def after_run(self, setup: Setup, out: Path) -> None:
        stacks = out / "profile.collapsed"
        if stacks.exists():
            (out / "hot-spots.txt").write_text(hot_spots(stacks.read_text()))


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


ORDERFLOW = JMeterTool("orderflow", "orderflow (JMeter + plugin)", "orderflow", frozenset({"index", "orders"}))
JMETER_STOCK = JMeterTool("jmeter-stock", "JMeter stock HTTP sampler", "stock", frozenset({"index", "orders"}))
LOCUST_FAST = LocustTool("locust-fast", "Locust FastHttpUser", "Fast")
LOCUST_HTTP = LocustTool("locust-http", "Locust HttpUser", "Http")
WRK = WrkTool()

# not in the default set: orderflow with its users on platform threads, for comparing the two
ORDERFLOW_PLATFORM = JMeterTool("orderflow-platform", "orderflow on platform threads", "orderflow",
                                frozenset({"index", "orders"}), (("virtual_threads", "false"),))

# not in the default set: orderflow built from other sources (BENCH_CANDIDATE_JAR), to measure a change
ORDERFLOW_CANDIDATE = JMeterTool("orderflow-candidate", "orderflow, candidate build", "orderflow",
                                 frozenset({"index", "orders"}), candidate=True)

ALL = [ORDERFLOW, JMETER_STOCK, LOCUST_FAST, LOCUST_HTTP, WRK]
KNOWN = ALL + [ORDERFLOW_PLATFORM, ORDERFLOW_CANDIDATE]


def by_name(names: list[str]) -> list[Tool]:
    known = {t.name: t for t in KNOWN}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown tool(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[n] for n in names]
