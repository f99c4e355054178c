"""CPU time and peak memory of one load generator and the processes it starts, read from /proc.

The harness starts each tool as its own child and meters only that process tree, so the shop (a
separate child of the harness) never counts against a tool. CPU is utime + stime of every process
in the tree; children that already exited are in the parent's cutime + cstime once reaped. The final
reading is taken from the tool while it is a zombie (waitid with WNOWAIT), when its counters are
complete and its /proc entry still exists.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class StatFields:
    """The fields of /proc/<pid>/stat the meter needs."""

    ppid: int
    cpu_ticks: int  # utime + stime + cutime + cstime

    @staticmethod
    def parse(text: str) -> "StatFields":
        # the command name (field 2) may hold spaces and parentheses: split after its last ')'
        rest = text[text.rindex(")") + 2:].split()
        # rest[0] is field 3 (state); field n is rest[n - 3]
        ppid = int(rest[1])
        utime, stime, cutime, cstime = (int(v) for v in rest[11:15])
        return StatFields(ppid, utime + stime + cutime + cstime)


def read_stat(pid: int) -> StatFields | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return StatFields.parse(f.read())
    except (FileNotFoundError, ProcessLookupError):
        return None


def read_hwm_kib(pid: int) -> int:
    """VmHWM (peak resident set) in KiB, 0 when the process is gone or is a zombie."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def descendants(root: int) -> list[int]:
    """Live processes below root, found by their parent ids (this kernel has no /proc/*/children)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = read_stat(int(entry))
            if stat is not None:
                parents.setdefault(stat.ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def jvm_service_ticks(pid: int) -> int:
    """CPU ticks of a JVM's JIT compiler threads ("C1/C2 CompilerThre…" in /proc/<pid>/task/*/comm).

    They run on the generator's core too; the report says how much of a window they took.
    """
    ticks = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except (FileNotFoundError, ProcessLookupError):
        return 0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                if "CompilerThre" not in f.read():
                    continue
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                rest = f.read().rsplit(")", 1)[1].split()
            ticks += int(rest[11]) + int(rest[12])
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return ticks


@dataclass(frozen=True)
class Reading:
    at: float  # time.time()
    cpu_s: float
    rss_hwm_kib: int
    jit_s: float = 0.0  # of cpu_s: the JVM's JIT compiler threads (0 for other tools)


@dataclass
class ProcessTreeMeter:
    """Samples a running tool's tree every `interval` seconds until it exits; see `final`."""

    pid: int
    interval: float = 0.25
    readings: list[Reading] = field(default_factory=list)
    peak_hwm_kib: int = 0
    _exited: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self, launched_at: float) -> "ProcessTreeMeter":
        """Starts sampling; a tool launched at `launched_at` had used no CPU then."""
        self.readings.append(Reading(launched_at, 0.0, 0))
        self._thread = threading.Thread(target=self._run, name=f"meter-{self.pid}", daemon=True)
        self._thread.start()
        return self

    def _tree_reading(self) -> Reading | None:
        pids = [self.pid] + descendants(self.pid)
        ticks, hwm, seen_root = 0, 0, False
        for pid in pids:
            stat = read_stat(pid)
            if stat is None:
                continue
            seen_root = seen_root or pid == self.pid
            ticks += stat.cpu_ticks
            hwm += read_hwm_kib(pid)
        if not seen_root:
            return None
        return Reading(time.time(), ticks / CLOCK_TICKS, hwm, jvm_service_ticks(self.pid) / CLOCK_TICKS)

    def _record(self, reading: Reading) -> None:
        self.readings.append(reading)
        self.peak_hwm_kib = max(self.peak_hwm_kib, reading.rss_hwm_kib)

    def _run(self) -> None:
        while not self._exited.wait(self.interval):
            reading = self._tree_reading()
            if reading is not None:
                self._record(reading)

    def wait_for_exit(self, timeout: float) -> bool:
        """Blocks until the tool exits (without reaping it), takes the final reading, stops sampling.

        Returns False when the tool is still running after `timeout` seconds.
        """
        exited = threading.Event()

        def watch() -> None:
            try:
                os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOWAIT)
            except ChildProcessError:
                pass
            exited.set()

        threading.Thread(target=watch, name=f"exit-{self.pid}", daemon=True).start()
        if not exited.wait(timeout):
            return False
        self._exited.set()
        if self._thread is not None:
            self._thread.join()
        final = self._tree_reading()  # the zombie: complete counters, no memory or thread figures
        if final is not None:
            last_jit = self.readings[-1].jit_s if self.readings else 0.0
            self.readings.append(Reading(final.at, final.cpu_s, 0, last_jit))
        return True

    @property
    def total_cpu_s(self) -> float:
        return self.readings[-1].cpu_s if self.readings else 0.0

    def cpu_at(self, at: float) -> float:
        """CPU seconds used up to wall-clock time `at`, interpolated between readings."""
        return self._at(at, lambda r: r.cpu_s)

    def jit_at(self, at: float) -> float:
        """CPU seconds the JIT compilers had used up to `at`, interpolated between readings."""
        return self._at(at, lambda r: r.jit_s)

    def _at(self, at: float, value) -> float:
        points = self.readings
        if not points:
            return 0.0
        if at <= points[0].at:
            return value(points[0])
        for before, after in zip(points, points[1:]):
            if before.at <= at <= after.at:
                span = after.at - before.at
                if span <= 0:
                    return value(after)
                return value(before) + (value(after) - value(before)) * (at - before.at) / span
        return value(points[-1])
