"""The reference shop as the benchmark's target: started once per run, reset between tool runs."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path

LISTENING = re.compile(r"listening on (http://127\.0\.0\.1:(\d+))")


@dataclass(frozen=True)
class ShopStats:
    """The shop's own counters (GET /api/admin/stats)."""

    orders: int
    units_sold: int
    initial_stock: int
    stock_remaining: int

    @property
    def stock_balanced(self) -> bool:
        return self.initial_stock == self.stock_remaining + self.units_sold


class ShopServer:
    """Runs orderflow-shop.jar on a free loopback port with a random admin key, pinned to `cpus`."""

    def __init__(self, jar: Path, csv_data: Path, cpus: str, java: str, log: Path,
                 connections_per_address: int = 256):
        self.jar, self.csv_data, self.cpus, self.java, self.log = jar, csv_data, cpus, java, log
        self.admin_key = secrets.token_urlsafe(24)
        self.base_url = ""
        self.process: subprocess.Popen | None = None
        # every generator runs from 127.0.0.1 with a connection per user: the shop's cap must hold them all
        self.connections_per_address = connections_per_address

    def start(self, timeout: float = 180.0) -> "ShopServer":
        command = ["taskset", "-c", self.cpus, self.java, "-jar", str(self.jar),
                   "--port", "0", "--data", str(self.csv_data), "--admin-key", self.admin_key]
        command += ["--max-connections-per-address", str(self.connections_per_address)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, text=True)
        found = threading.Event()
        log = self.log.open("w")

        def pump() -> None:
            # keep draining the shop's output into the log so it never blocks on a full pipe
            for line in self.process.stdout:
                log.write(line.replace(self.admin_key, "<admin-key>"))
                log.flush()
                match = LISTENING.search(line)
                if match and not found.is_set():
                    self.base_url = match.group(1)
                    found.set()
            log.close()
            found.set()

        threading.Thread(target=pump, name="shop-log", daemon=True).start()
        if not found.wait(timeout) or not self.base_url:
            self.stop()
            raise RuntimeError(f"the shop did not print 'listening on' within {timeout:.0f} s; see {self.log}")
        return self

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def _admin(self, method: str, path: str) -> bytes:
        request = urllib.request.Request(self.base_url + path, method=method,
                                         headers={"X-Admin-Key": self.admin_key})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def stats(self) -> ShopStats:
        body = json.loads(self._admin("GET", "/api/admin/stats"))
        return ShopStats(body["orders"], body["units_sold"], body["initial_stock"], body["stock_remaining"])

    def reset(self) -> None:
        self._admin("POST", "/api/admin/reset")

    def index_page_bytes(self) -> int:
        """Size of the index page's body: what every tool's GET / must bring back."""
        with urllib.request.urlopen(self.base_url + "/", timeout=30) as response:
            return len(response.read())

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
