package dev.orderflow.jmeter.element;

import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.threads.JMeterContextService;

/**
 * The reasons this JVM's current test was refused at its start, kept for the verdict.
 *
 * <p>JMeter gives a test element no way to refuse a test but throwing from {@code testStarted}, and then it ends
 * its run at once: no listener hears of the end, no summary is written, and a non-GUI JMeter exits 0. So an
 * orderflow element that refuses records the reason here and asks the engine to stop instead; the orderflow
 * thread group then starts no user, and the order summary fails the run with these reasons. Reasons are kept per
 * test (by its start time), so a GUI that runs again after mending the plan starts clean.
 */
public final class StartRefusals {

    private static final Object LOCK = new Object();
    private static long testStart = -1;
    private static final List<String> REASONS = new ArrayList<>();
    /** The start time of the last refused test: a lock-free check for every sample. */
    private static volatile long refusedTestStart = Long.MIN_VALUE;

    private StartRefusals() {
    }

    /** Records that the current test cannot run, and why. */
    public static void refuse(String reason) {
        long start = JMeterContextService.getTestStartTime();
        synchronized (LOCK) {
            if (start != testStart) {
                REASONS.clear();
                testStart = start;
            }
            REASONS.add(reason);
            refusedTestStart = start;
        }
    }

    /** True when the current test was refused; cheap enough to ask before every sample. */
    public static boolean currentTestRefused() {
        long start = JMeterContextService.getTestStartTime();
        return start != 0 && refusedTestStart == start;
    }

    /** The reasons the running test was refused; empty when it was not, or when no test is running. */
    public static List<String> ofCurrentTest() {
        long start = JMeterContextService.getTestStartTime();
        synchronized (LOCK) {
            return start != 0 && start == testStart ? List.copyOf(REASONS) : List.of();
        }
    }

    /** The reasons the last refused test was refused, also after it ended; empty when none was. */
    public static List<String> ofLastRefusedTest() {
        synchronized (LOCK) {
            return List.copyOf(REASONS);
        }
    }
}
