"""The benchmark's two flows for Locust, each with FastHttpUser and with HttpUser.

Run by the harness as `locust -f locustfile.py --headless … <UserClass>`; the classes are
FastIndexUser, HttpIndexUser (GET / with no think time) and FastOrderUser, HttpOrderUser
(log in once, then per iteration put 1-2 distinct products in the cart and create the order).

Environment: BENCH_USERS_CSV (users.csv) and BENCH_TIMELINE (where to write, at the end, how many
requests had completed at each quarter second; the harness counts the steady-state window with it).
"""

import csv
import itertools
import os
import random
import time

import gevent
from locust import FastHttpUser, HttpUser, constant, events
from locust.exception import StopUser

PRODUCT_IDS = list(range(1, 101))

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
    """Virtual user i logs in as row i of users.csv once, then places orders back to back."""

    wait_time = constant(0)

    def on_start(self):
        username, password = accounts()[next(_next_user_number) % len(accounts())]
        response = self.client.post("/api/auth/login", json={"username": username, "password": password},
                                    name="Login")
        if not 200 <= response.status_code < 300:
            raise StopUser()
        self.auth = {"Authorization": "Token " + response.json()["token"]}

    def place_order(self):
        for product_id in random.sample(PRODUCT_IDS, random.randint(1, 2)):
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
