package dev.orderflow.jmeter.summary;

/**
 * Response times of one sampler label over a run, in milliseconds. Mean and max are exact; the
 * percentiles are exact to three significant digits.
 */
public record LabelStats(String label, long count, long errors, double meanMs, long p50Ms, long p90Ms, long p95Ms,
        long p99Ms, long maxMs) {

    /** Share of this label's samples that failed, in percent; 0 without samples. */
    public double errorRatePct() {
        return count == 0 ? 0 : 100.0 * errors / count;
    }
}
