package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.HdrHistogram.IntCountsHistogram;
import org.apache.jmeter.samplers.SampleResult;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * A run second by second, by the second each sample ended in (not when it arrived: a distributed run's engines
 * send samples in batches): how many samples, failures and orders, and their response times. The per-stage
 * results and the live view's charts are cut from it.
 *
 * <p>Each second is one small bucket with its own lock: samples ending in the same second share it, which costs
 * nothing measurable at thousands of samples per second, and keeps a second at about 5 KB (two significant
 * digits; times over a minute count as a minute in these percentiles, never in the labels' own).
 */
public final class RunTimeline {

    static final long HIGHEST_MS = 60_000;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final ConcurrentSkipListMap<Long, Bucket> seconds = new ConcurrentSkipListMap<>();

    /** One second's counts. */
    public record Second(long epochSecond, long samples, long errors, long ordersAttempted, long ordersCreated,
            long ordersUnknown) {
    }

    /**
     * The counts of a span of seconds.
     *
     * @param samples     samples that ended in the span
     * @param ordersEnded attempts that ended in the span: with the order's answer, or with the step that failed
     *                    them. An attempt started near a span's end often ends in the next span, so the success rate
     *                    is taken over these, never over the attempts started
     * @param meanMs      their mean response time
     */
    public record Span(long samples, long errors, long ordersAttempted, long ordersCreated, long ordersUnknown,
            long ordersEnded, double meanMs, long p50Ms, long p95Ms, long p99Ms) {

        /** Failed samples in percent; null without samples. */
        public Double errorRatePct() {
            return samples == 0 ? null : 100.0 * errors / samples;
        }

        /** Orders created per attempt that ended in the span, in percent; null when none ended. */
        public Double successRatePct() {
            return ordersEnded == 0 ? null : 100.0 * ordersCreated / ordersEnded;
        }
    }

    private static final class Bucket {
        private final IntCountsHistogram times = new IntCountsHistogram(1, HIGHEST_MS, SIGNIFICANT_DIGITS);
        private long samples;
        private long errors;
        private long totalMs;
        private long attempted;
        private long created;
        private long unknown;
        private long ended;

        synchronized void record(long elapsedMs, boolean success, boolean attempt, boolean createdOrder,
                boolean unknownOrder, boolean attemptEnded) {
            times.recordValue(Math.min(Math.max(elapsedMs, 1), HIGHEST_MS));
            samples++;
            totalMs += Math.max(elapsedMs, 0);
            if (!success) {
                errors++;
            }
            if (attempt) {
                attempted++;
            }
            if (createdOrder) {
                created++;
            }
            if (unknownOrder) {
                unknown++;
            }
            if (attemptEnded) {
                ended++;
            }
        }

        synchronized Second second(long epochSecond) {
            return new Second(epochSecond, samples, errors, attempted, created, unknown);
        }

        synchronized void addTo(IntCountsHistogram sum, long[] counts) {
            sum.add(times);
            counts[0] += samples;
            counts[1] += errors;
            counts[2] += attempted;
            counts[3] += created;
            counts[4] += unknown;
            counts[5] += totalMs;
            counts[6] += ended;
        }
    }

    void record(SampleResult sample) {
        long end = sample.getEndTime() > 0 ? sample.getEndTime() : System.currentTimeMillis();
        long second = Math.floorDiv(end, 1000);
        Bucket bucket = seconds.get(second);
        if (bucket == null) {
            bucket = seconds.computeIfAbsent(second, s -> new Bucket());
        }
        boolean attempt = false;
        boolean created = false;
        boolean unknown = false;
        boolean ended = false;
        if (sample instanceof OrderFlowSampleResult flow) {
            attempt = flow.isAttemptStart();
            if (flow.getStep() == FlowStep.ORDER) {
                unknown = flow.isOutcomeUnknown();
                created = !unknown && flow.isSuccessful();
                ended = true;
            } else {
                // a failed product list or cart step gives the attempt up: the user starts its next one
                ended = !flow.isSuccessful() && (flow.getStep() == FlowStep.PRODUCTS
                        || flow.getStep() == FlowStep.CART);
            }
        }
        bucket.record(sample.getTime(), sample.isSuccessful(), attempt, created, unknown, ended);
    }

    /** Every second from the first to the last that had a sample, empty seconds included, in time order. */
    public List<Second> seconds() {
        List<Second> all = new ArrayList<>();
        Long previous = null;
        for (Map.Entry<Long, Bucket> entry : seconds.entrySet()) {
            long second = entry.getKey();
            for (long gap = previous == null ? second : previous + 1; gap < second; gap++) {
                all.add(new Second(gap, 0, 0, 0, 0, 0));
            }
            all.add(entry.getValue().second(second));
            previous = second;
        }
        return all;
    }

    /** The seconds from {@code fromMs} (inclusive) to {@code toMs} (exclusive), cut at whole seconds. */
    public Span span(long fromMs, long toMs) {
        IntCountsHistogram sum = new IntCountsHistogram(1, HIGHEST_MS, SIGNIFICANT_DIGITS);
        long[] counts = new long[7];
        long from = Math.floorDiv(fromMs + 500, 1000);
        long to = Math.floorDiv(toMs + 500, 1000);
        for (Map.Entry<Long, Bucket> entry : seconds.subMap(from, to).entrySet()) {
            entry.getValue().addTo(sum, counts);
        }
        boolean any = sum.getTotalCount() > 0;
        return new Span(counts[0], counts[1], counts[2], counts[3], counts[4], counts[6],
                counts[0] == 0 ? 0 : (double) counts[5] / counts[0],
                any ? sum.getValueAtPercentile(50) : 0, any ? sum.getValueAtPercentile(95) : 0,
                any ? sum.getValueAtPercentile(99) : 0);
    }
}
