"""A tool that did not do the work is flagged; goals are judged on medians, untrusted figures judge nothing."""

import unittest

from orderbench.measure import Measurement, check
from orderbench.report import goals, summarise
from orderbench.shop import ShopStats
from orderbench.workloads import Workload

ORDERS = Workload("orders-100", "orders", 100, 100, 30, 5.0)
INDEX = Workload("index-10", "index", 10, 10, 20, 5.0)
BALANCED = ShopStats(orders=0, units_sold=0, initial_stock=100, stock_remaining=100)


def measurement(tool="orderflow", workload="orders-100", rnd=1, rps=1000.0, cpu=50.0, requests=10_000,
                errors=0, mean_bytes=500.0, orders_tool=3000, order_errors_tool=0, orders_shop=3000):
    return Measurement(tool, workload, rnd, 0, requests, errors, rps, cpu, 10.0, 0.0, 300.0, 2.0, 5.0, 20.0,
                       requests, mean_bytes, orders_tool, order_errors_tool, orders_shop)


def after(orders):
    return ShopStats(orders=orders, units_sold=orders, initial_stock=100 + orders, stock_remaining=100)


class Checks(unittest.TestCase):
    def test_a_run_whose_orders_the_shop_confirms_passes(self):
        self.assertEqual(check(measurement(), ORDERS, False, 400, BALANCED, after(3000)), [])

    def test_orders_the_shop_did_not_make_are_flagged(self):
        problems = check(measurement(orders_shop=2000), ORDERS, False, 400, BALANCED, after(2000))
        self.assertEqual(problems, ["shop created 2000 orders, tool reports 3000 with 0 order errors"])

    def test_a_difference_within_the_tools_order_errors_is_explained(self):
        m = measurement(orders_tool=2990, order_errors_tool=10, orders_shop=3000, errors=10)
        self.assertEqual(check(m, ORDERS, False, 400, BALANCED, after(3000)), [])

    def test_a_tool_that_fails_fast_is_flagged(self):
        problems = check(measurement(errors=500), ORDERS, False, 400, BALANCED, after(3000))
        self.assertEqual(problems, ["5.0 % errors"])

    def test_short_index_pages_are_flagged(self):
        problems = check(measurement(workload="index-10", mean_bytes=100.0), INDEX, False, 400, None, None)
        self.assertEqual(problems, ["responses average 100 B, the index page is 400 B"])

    def test_unbalanced_stock_and_a_killed_tool_are_flagged(self):
        unbalanced = ShopStats(orders=3000, units_sold=10, initial_stock=100, stock_remaining=100)
        problems = check(measurement(), ORDERS, True, 400, BALANCED, unbalanced)
        self.assertEqual(problems, ["did not stop on time (killed)",
                                    "shop stock does not balance (initial != remaining + sold)"])


class Goals(unittest.TestCase):
    def test_cpu_goals_use_the_median_of_the_rounds(self):
        runs = [measurement(rnd=r, cpu=c) for r, c in ((1, 50.0), (2, 60.0), (3, 500.0))]
        runs += [measurement(tool="jmeter-stock", rnd=r, cpu=100.0) for r in (1, 2, 3)]
        runs += [measurement(tool="locust-fast", rnd=r, cpu=200.0) for r in (1, 2, 3)]
        found = goals(summarise(runs), [ORDERS])
        self.assertEqual([(round(g.measured, 2), g.met) for g in found], [(0.6, True), (0.3, False)])

    def test_a_goal_against_an_untrusted_tool_is_not_judged(self):
        runs = [measurement(workload="index-10", rps=2000.0),
                measurement(tool="jmeter-stock", workload="index-10", rps=1000.0),
                measurement(tool="wrk", workload="index-10", rps=3000.0, mean_bytes=1.0)]
        runs[2].problems = ["responses average 1 B, the index page is 400 B"]
        found = goals(summarise(runs), [INDEX])
        self.assertEqual([g.met for g in found], [True, None])
        self.assertIn("wrk", found[1].note)


if __name__ == "__main__":
    unittest.main()
