package dev.orderflow.jmeter.summary;

import java.util.Locale;

/**
 * One pass/fail check of a run.
 *
 * @param name what was checked, e.g. {@code min_success_rate} or {@code max_p95_ms[Create order]}
 * @param limit the limit, or null when the check has none (e.g. the shop could not be reached)
 * @param actual the measured value, or null when there was nothing to measure
 * @param passed whether the run met the limit
 * @param detail why a check without a value failed, or null
 */
public record ThresholdResult(String name, Double limit, Double actual, boolean passed, String detail) {

    static ThresholdResult atLeast(String name, double limit, Double actual, String detailWhenMissing) {
        boolean passed = actual != null && actual >= limit;
        return new ThresholdResult(name, limit, actual, passed, actual == null ? detailWhenMissing : null);
    }

    static ThresholdResult atMost(String name, double limit, Double actual, String detailWhenMissing) {
        boolean passed = actual != null && actual <= limit;
        return new ThresholdResult(name, limit, actual, passed, actual == null ? detailWhenMissing : null);
    }

    static ThresholdResult failed(String name, String detail) {
        return new ThresholdResult(name, null, null, false, detail);
    }

    /** A check judged in words rather than against a number, such as whether the planned load ran. */
    static ThresholdResult judged(String name, boolean passed, String detail) {
        return new ThresholdResult(name, null, null, passed, detail);
    }

    /** This result with what its value is a rate of, shown beside it; a detail it already has stays. */
    ThresholdResult meaning(String whatOf) {
        return detail != null ? this : new ThresholdResult(name, limit, actual, passed, whatOf);
    }

    /** One line for a person: {@code min_success_rate: limit 95.00, actual 80.00 — failed}. */
    public String describe() {
        StringBuilder line = new StringBuilder(name).append(": ");
        if (limit == null && actual == null && detail != null && passed) {
            return line.append(detail).append(" - passed").toString();
        }
        if (limit != null) {
            line.append("limit ").append(format(limit)).append(", ");
        }
        line.append("actual ").append(actual == null ? "none" : format(actual));
        if (detail != null) {
            line.append(" (").append(detail).append(')');
        }
        return line.append(passed ? " - passed" : " - FAILED").toString();
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
