"""Reading each tool's results: JMeter's CSV, Locust's CSV files, wrk's summary line."""

import math
import tempfile
import unittest
from pathlib import Path

from orderbench.results import Timeline, nearest_rank, read_jmeter_csv, read_locust_csv, read_wrk_output

JMETER_CSV = """timeStamp,elapsed,label,responseCode,responseMessage,success,failureMessage,bytes,sentBytes,grpThreads,allThreads
1000000,10,Login,200,OK,true,,150,200,2,2
1000010,20,AddToCart,201,Created,true,,180,251,2,2
1000030,30,CreateOrder,201,Created,true,,200,300,2,2
1000005,40,CreateOrder,409,"Conflict, out of stock",false,,120,300,2,2
1000060,50,AddToCart,201,Created,true,,350,500,1,1
"""


class JMeterResults(unittest.TestCase):
    def read(self, text):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "results.csv"
            path.write_text(text)
            return read_jmeter_csv(path)

    def test_counts_requests_errors_and_orders_by_label(self):
        r = self.read(JMETER_CSV)
        self.assertEqual((r.samples, r.requests, r.errors), (5, 6, 1))
        self.assertEqual((r.orders_created, r.order_errors), (1, 1))

    def test_a_sample_that_sent_twice_a_single_requests_bytes_counts_as_two_requests(self):
        r = self.read(JMETER_CSV)
        self.assertEqual(r.timeline.count_at(1000.110), 6)
        self.assertEqual(r.timeline.count_at(1000.060), 4)
        self.assertAlmostEqual(r.mean_bytes, 1000 / 6)
        self.assertEqual(r.peak_threads, 2)

    def test_mean_and_nearest_rank_p95_over_all_samples(self):
        r = self.read(JMETER_CSV)
        self.assertAlmostEqual(r.mean_ms, 30.0)
        self.assertEqual(r.p95_ms, 50)

    def test_run_lasts_from_first_start_to_last_end(self):
        r = self.read(JMETER_CSV)
        self.assertAlmostEqual(r.run_s, 0.110)
        self.assertAlmostEqual(r.timeline.first, 1000.010)
        self.assertAlmostEqual(r.timeline.last, 1000.110)

    def test_names_the_failure_with_a_quoted_comma(self):
        r = self.read(JMETER_CSV)
        self.assertEqual(r.error_kinds.most_common(1)[0], ("CreateOrder: 409 Conflict, out of stock", 1))

    def test_empty_results_are_no_requests(self):
        r = self.read(JMETER_CSV.splitlines()[0] + "\n")
        self.assertEqual(r.requests, 0)
        self.assertTrue(math.isnan(r.mean_ms))


LOCUST_STATS = """Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
POST,AddToCart,300,0,3,3.5,1,20,120,30.0,0.0,3,4,4,5,6,8,10,12,20,20,20
POST,CreateOrder,200,4,5,6.0,2,40,150,20.0,0.4,5,6,7,8,9,12,20,30,40,40,40
POST,Login,100,0,30,31.0,10,90,40,10.0,0.0,30,35,40,45,50,60,80,90,90,90,90
,Aggregated,600,4,4,7.4,1,90,120,60.0,0.4,4,5,6,7,9,14,30,50,90,90,90
"""


class LocustResults(unittest.TestCase):
    def test_takes_the_aggregated_row_and_per_name_orders(self):
        with tempfile.TemporaryDirectory() as d:
            prefix = Path(d) / "locust"
            Path(f"{prefix}_stats.csv").write_text(LOCUST_STATS)
            Path(f"{prefix}_failures.csv").write_text(
                "Method,Name,Error,Occurrences\nPOST,CreateOrder,\"HTTPError('409 Client Error')\",4\n")
            (Path(d) / "timeline.csv").write_text("100.0,0\n100.5,0\n101.0,300\n102.0,600\n103.0,600\n")
            r = read_locust_csv(prefix, Path(d) / "timeline.csv")
        self.assertEqual((r.requests, r.errors, r.mean_ms, r.p95_ms), (600, 4, 7.4, 14.0))
        self.assertEqual((r.orders_created, r.order_errors), (196, 4))
        self.assertAlmostEqual(r.run_s, 10.0)
        self.assertEqual(r.error_kinds["CreateOrder: HTTPError('409 Client Error')"], 4)
        self.assertEqual((r.timeline.first, r.timeline.last), (101.0, 102.0))


class WrkResults(unittest.TestCase):
    def test_reads_the_summary_line_and_counts_every_kind_of_error(self):
        console = ("Running 10s test @ http://127.0.0.1:1/\n  1 threads and 10 connections\n"
                   'WRK-SUMMARY {"requests":1000,"duration_us":2000000,"bytes":250000,"connect_errors":0,'
                   '"read_errors":2,"write_errors":0,"status_errors":3,"timeout_errors":1,'
                   '"mean_us":250.5,"p95_us":900}\n')
        r = read_wrk_output(console)
        self.assertEqual((r.requests, r.errors, r.run_s, r.mean_bytes), (1000, 6, 2.0, 250.0))
        self.assertAlmostEqual(r.mean_ms, 0.2505)
        self.assertAlmostEqual(r.p95_ms, 0.9)

    def test_refuses_output_without_the_summary_line(self):
        with self.assertRaisesRegex(ValueError, "summary.lua"):
            read_wrk_output("Running 10s test\n")


class Timelines(unittest.TestCase):
    def test_interpolates_between_points_and_holds_after_the_last(self):
        t = Timeline([(10.0, 0), (11.0, 100), (12.0, 300)])
        self.assertEqual(t.count_at(9.0), 0.0)
        self.assertEqual(t.count_at(11.5), 200.0)
        self.assertEqual(t.count_at(20.0), 300.0)

    def test_nearest_rank(self):
        values = list(range(1, 101))
        self.assertEqual(nearest_rank(values, 95), 95)
        self.assertEqual(nearest_rank([7], 95), 7)


if __name__ == "__main__":
    unittest.main()
