"""The meter reads real processes: a child that burns CPU and starts a grandchild that does too."""

import subprocess
import sys
import time
import unittest

from orderbench.procmeter import ProcessTreeMeter, StatFields

BURN = "import time\nend = time.process_time() + {s}\nwhile time.process_time() < end: pass\n"


class ProcessTreeMeterTest(unittest.TestCase):
    def test_counts_the_tool_and_the_child_it_started_and_waited_for(self):
        script = (BURN.format(s=0.4) +
                  "import subprocess, sys\n"
                  f"subprocess.run([sys.executable, '-c', {BURN.format(s=0.6)!r}])\n")
        launched = time.time()
        process = subprocess.Popen([sys.executable, "-c", script])
        meter = ProcessTreeMeter(process.pid, interval=0.05).start(launched)
        self.assertTrue(meter.wait_for_exit(timeout=30))
        self.assertEqual(process.wait(), 0)
        self.assertGreaterEqual(meter.total_cpu_s, 0.95)
        self.assertLess(meter.total_cpu_s, 1.6)
        self.assertGreater(meter.peak_hwm_kib, 1000)  # a python interpreter's resident set, in KiB

    def test_cpu_at_a_moment_is_interpolated_and_bounded_by_the_total(self):
        launched = time.time()
        process = subprocess.Popen([sys.executable, "-c", BURN.format(s=0.5)])
        meter = ProcessTreeMeter(process.pid, interval=0.05).start(launched)
        meter.wait_for_exit(timeout=30)
        process.wait()
        middle = (launched + meter.readings[-1].at) / 2
        self.assertEqual(meter.cpu_at(launched - 1), 0.0)
        self.assertLess(meter.cpu_at(middle), meter.total_cpu_s)
        self.assertGreater(meter.cpu_at(middle), 0.0)
        self.assertEqual(meter.cpu_at(time.time() + 10), meter.total_cpu_s)

    def test_reports_a_tool_still_running_at_the_timeout(self):
        process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
        try:
            meter = ProcessTreeMeter(process.pid).start(time.time())
            self.assertFalse(meter.wait_for_exit(timeout=0.3))
        finally:
            process.kill()
            process.wait()

    def test_parses_a_command_name_with_spaces_and_parentheses(self):
        stat = StatFields.parse("42 (a (b) c) S 7 1 1 0 -1 0 0 0 0 0 11 22 33 44 20 0 1 0 5 0 0")
        self.assertEqual((stat.ppid, stat.cpu_ticks), (7, 110))


if __name__ == "__main__":
    unittest.main()
