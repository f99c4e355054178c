package dev.orderflow.jmeter.summary;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the response times of one label from many threads at once.
 *
 * <p>Writers never lock: the HdrHistogram {@link Recorder} is wait-free for them, and count, errors, total and
 * max are striped counters. Only a reader (the end of the run, or the GUI's live view) takes this object's
 * lock to move what was recorded since the last read into the accumulated histogram.
 */
final class LatencyRecorder {

    /** Times are tracked from 1 ms to 1 h with three significant digits; longer ones count as 1 h in percentiles. */
    static final long HIGHEST_TRACKABLE_MS = TimeUnit.HOURS.toMillis(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String label;
    private final int firstSeen;
    private final Recorder recorder = new Recorder(1, HIGHEST_TRACKABLE_MS, SIGNIFICANT_DIGITS);
    private final LongAdder count = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder totalMs = new LongAdder();
    private final LongAccumulator maxMs = new LongAccumulator(Math::max, 0);

    private final Histogram accumulated = new Histogram(1, HIGHEST_TRACKABLE_MS, SIGNIFICANT_DIGITS);
    private final Histogram sinceWindow = new Histogram(1, HIGHEST_TRACKABLE_MS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    LatencyRecorder(String label, int firstSeen) {
        this.label = label;
        this.firstSeen = firstSeen;
    }

    /** Position of the label among all labels of the run, by its first sample: the summary lists them in flow order. */
    int firstSeen() {
        return firstSeen;
    }

    void record(long elapsedMs, boolean successful) {
        long ms = Math.max(elapsedMs, 0);
        recorder.recordValue(Math.min(ms, HIGHEST_TRACKABLE_MS));
        count.increment();
        totalMs.add(ms);
        maxMs.accumulate(ms);
        if (!successful) {
            errors.increment();
        }
    }

    synchronized LabelStats stats() {
        drain();
        long n = count.sum();
        double mean = n == 0 ? 0 : (double) totalMs.sum() / n;
        return new LabelStats(label, n, errors.sum(), mean,
                percentile(50), percentile(90), percentile(95), percentile(99), maxMs.get());
    }

    /** The whole run so far, and what was recorded since the last window (the live view's last interval). */
    synchronized LabelWindow window() {
        LabelStats run = stats();
        long n = sinceWindow.getTotalCount();
        LabelWindow window = new LabelWindow(run, n, n == 0 ? 0 : sinceWindow.getValueAtPercentile(50),
                n == 0 ? 0 : sinceWindow.getValueAtPercentile(95), n == 0 ? 0 : sinceWindow.getValueAtPercentile(99));
        sinceWindow.reset();
        return window;
    }

    /** Moves what writers recorded since the last read into the run's histogram and the window's. */
    private void drain() {
        interval = recorder.getIntervalHistogram(interval);
        accumulated.add(interval);
        sinceWindow.add(interval);
    }

    private long percentile(double p) {
        return accumulated.getTotalCount() == 0 ? 0 : accumulated.getValueAtPercentile(p);
    }
}
