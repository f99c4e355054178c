"""What the tools are asked to do: the same work, in the same amount, for every tool."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workload:
    """One load shape every tool that supports its `flow` runs.

    flow: "index" (GET / with no think time), "orders" (log in once, then per iteration 1-2 add-to-cart
    and create order, no think time) or "users" (test 7's shape: many users on the index page with
    think time, for the generator's memory; run by bench/threads/run.sh).
    """

    name: str
    flow: str
    users: int
    spawn_rate: int
    duration_s: int
    warmup_s: float  # left out of the steady-state window: start-up, JIT, ramp
    think_min_ms: int = 0
    think_max_ms: int = 0

    @property
    def describe(self) -> str:
        if self.flow == "index":
            return f"GET / at {self.users} connections, no think time, {self.duration_s} s"
        if self.flow == "orders":
            return (f"order flow, {self.users} users (login once, then 1-2 add-to-cart + create order per "
                    f"iteration, no think time), {self.duration_s} s")
        return (f"{self.users} users spawned at {self.spawn_rate}/s on GET / with "
                f"{self.think_min_ms / 1000:g}-{self.think_max_ms / 1000:g} s think time, {self.duration_s} s "
                f"(bench/threads/run.sh: virtual threads on Temurin 25, platform threads on Java 17, not pinned)")


def standard(quick: bool) -> list[Workload]:
    """The benchmark's workloads; `quick` keeps them to seconds, for trying the harness out."""
    if quick:
        return [
            Workload("index-10", "index", 10, 10, 4, 1.0),
            Workload("index-50", "index", 50, 50, 4, 1.0),
            Workload("orders-100", "orders", 100, 100, 5, 2.0),
        ]
    return [
        # the JVM's JIT compilers run on the generator's core for the first ten seconds or so: the
        # steady-state window starts after them
        Workload("index-10", "index", 10, 10, 25, 8.0),
        Workload("index-50", "index", 50, 50, 25, 8.0),
        Workload("orders-100", "orders", 100, 100, 40, 10.0),
    ]


def many_users(quick: bool) -> Workload:
    """Test 7's shape on one machine, as bench/threads/run.sh runs it: 10 000 users started at 1000/s,
    index page, 5-10 s think time, 60 s."""
    if quick:
        return Workload("users-1000", "users", 1000, 500, 15, 0.0, 5000, 10000)
    return Workload("users-10000", "users", 10_000, 1000, 60, 0.0, 5000, 10000)
