"""The benchmark's two flows for Locust, each with FastHttpUser and with HttpUser.

Run by the harness as `locust -f locustfile.py --headless … <UserClass>`; the classes are
FastIndexUser, HttpIndexUser (GET / with no think time) and FastOrderUser, HttpOrderUser
(log in once, then per iteration put 1-2 distinct products in the cart and create the order).

Environment: BENCH_USERS_CSV (users.csv); BENCH_TIMELINE (where to write, at the end, how many
requests had completed at each quarter second; the harness counts the steady-state window with it);
BENCH_FINAL_STATS (a prefix: at the end, Locust's own stats and failures CSV are written once more
as <prefix>_stats.csv and <prefix>_failures.csv, because Locust 2.12 writes its --csv files only once
a second and not after the users have stopped, so they can miss the last second of the run).
"""

import csv
import itertools
import os
import random
import time

import gevent
from locust import FastHttpUser, HttpUser, constant, events
from locust.exception import StopUser
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV

_next_user_number = itertools.count()
_accounts = None


def accounts():
    global _accounts
    if _accounts is None:
        with open(os.environ["BENCH_USERS_CSV"], newline="") as f:
            _accounts = [(row["username"], row["password"]) for row in csv.DictReader(f)]
    return _accounts


class IndexPage:
    wait_time = constant(0)

    def index_page(self):
        self.client.get("/", name="Page")

    # a mixin's @task is not collected by Locust: name the task list instead
    tasks = [index_page]


class OrderFlow:
    """Virtual user i logs in as row i of users.csv and lists the in-stock products, once; then it
    places orders back to back."""

    wait_time = constant(0)

    def on_start(self):
        username, password = accounts()[next(_next_user_number) % len(accounts())]
        response = self.client.post("/api/auth/login", json={"username": username, "password": password},
                                    name="Login")
        if not 200 <= response.status_code < 300:
            raise StopUser()
        self.auth = {"Authorization": "Token " + response.json()["token"]}
        listing = self.client.get("/api/products?in_stock=true", name="ListProducts")
        self.products = [p["id"] for p in listing.json()["products"] if p["stock"] > 0] \
            if 200 <= listing.status_code < 300 else []
        if not self.products:
            raise StopUser()

    def place_order(self):
        for product_id in random.sample(self.products, random.randint(1, 2)):
            response = self.client.post("/api/cart/items", json={"product_id": product_id, "quantity": 1},
                                        headers=self.auth, name="AddToCart")
            if not 200 <= response.status_code < 300:
                return  # a cart failure ends the iteration
        self.client.post("/api/orders", json={}, headers=self.auth, name="CreateOrder")

    tasks = [place_order]


class FastIndexUser(IndexPage, FastHttpUser):
    pass


class HttpIndexUser(IndexPage, HttpUser):
    pass


class FastOrderUser(OrderFlow, FastHttpUser):
    pass


class HttpOrderUser(OrderFlow, HttpUser):
    pass


@events.init.add_listener
def record_timeline(environment, **_):
    """Samples the running request count from Locust's own stats: no work per request."""
    path = os.environ.get("BENCH_TIMELINE")
    if not path:
        return
    points = []

    def sample():
        while True:
            points.append((time.time(), environment.stats.total.num_requests))
            gevent.sleep(0.25)

    sampler = gevent.spawn(sample)

    @events.quitting.add_listener
    def write(**_):
        sampler.kill()
        points.append((time.time(), environment.stats.total.num_requests))
        with open(path, "w", newline="") as f:
            csv.writer(f).writerows(points)


@events.init.add_listener
def write_final_stats(environment, **_):
    prefix = os.environ.get("BENCH_FINAL_STATS")
    if not prefix:
        return

    @events.quitting.add_listener
    def write(**_):
        # quitting fires after the runner has stopped every user: these are the run's final figures
        formatter = StatsCSV(environment, PERCENTILES_TO_REPORT)
        with open(f"{prefix}_stats.csv", "w", newline="") as f:
            formatter.requests_csv(csv.writer(f))
        with open(f"{prefix}_failures.csv", "w", newline="") as f:
            formatter.failures_csv(csv.writer(f))
