package dev.orderflow.testplans.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's figures against an earlier run of the same plan: requests per second, the dashboard's p95 and the
 * success rate (for the index-page plans, the share of samples without error). Only runs of the same plan at the
 * same scale on as many engines compare: a run at CI scale says nothing about one at full scale.
 *
 * @param run      the run judged
 * @param baseline the earlier run it is read against
 */
public record RunComparison(RunRecord run, RunRecord baseline) {

    /** Whether two runs can be compared: same plan, same scale, same number of engines. */
    public static boolean comparable(RunRecord a, RunRecord b) {
        return a.plan().equals(b.plan()) && a.scale().equals(b.scale()) && a.engines() == b.engines();
    }

    /** The newest comparable run that started before {@code run}, if any. */
    public static Optional<RunRecord> previous(List<RunRecord> runs, RunRecord run) {
        return runs.stream()
                .filter(other -> comparable(other, run) && other.startedAt().compareTo(run.startedAt()) < 0)
                .max(Comparator.comparing(RunRecord::startedAt));
    }

    /** The newest comparable run before {@code run} that passed: what {@code -Dbaseline=last} compares with. */
    public static Optional<RunRecord> lastPassed(List<RunRecord> runs, RunRecord run) {
        return runs.stream()
                .filter(other -> comparable(other, run) && other.passed()
                        && other.startedAt().compareTo(run.startedAt()) < 0)
                .max(Comparator.comparing(RunRecord::startedAt));
    }

    /** p95 change in percent of the baseline's (positive: slower), or null when either has none. */
    public Double p95ChangePct() {
        return changePct(run.p95Ms(), baseline.p95Ms());
    }

    /** Requests per second as a fraction of the baseline's (1: the same), or null when either has none. */
    public Double throughputRatio() {
        if (run.requestsPerSecond() == null || baseline.requestsPerSecond() == null
                || baseline.requestsPerSecond() <= 0) {
            return null;
        }
        return run.requestsPerSecond() / baseline.requestsPerSecond();
    }

    /** Success rate change in percentage points, or null when either has none. */
    public Double successRateChange() {
        if (run.successRate() == null || baseline.successRate() == null) {
            return null;
        }
        return run.successRate() - baseline.successRate();
    }

    /** Short, for the index: {@code req/s +4.1 %, p95 −12 %, success ±0.0 pt}. */
    public String brief() {
        List<String> parts = new ArrayList<>();
        Double ratio = throughputRatio();
        parts.add("req/s " + (ratio == null ? "–" : signed((ratio - 1) * 100) + " %"));
        Double p95 = p95ChangePct();
        parts.add("p95 " + (p95 == null ? "–" : signed(p95) + " %"));
        Double success = successRateChange();
        parts.add("success " + (success == null ? "–" : signed(success) + " pt"));
        return String.join(", ", parts);
    }

    /**
     * The figures that got worse than the limits allow, each named with both values and the limit:
     * {@code p95 412 ms is 38 % above the baseline's 298 ms (limit 20 %)}. Empty when the run held.
     */
    public List<String> regressions(BaselineSettings limits) {
        List<String> regressions = new ArrayList<>();
        Double p95 = p95ChangePct();
        if (p95 != null && p95 > limits.maxP95RegressionPct()) {
            regressions.add(format("p95 %s ms is %s %% above the baseline's %s ms (limit %s %%)",
                    whole(run.p95Ms()), whole(p95), whole(baseline.p95Ms()), plain(limits.maxP95RegressionPct())));
        }
        Double ratio = throughputRatio();
        if (ratio != null && ratio < limits.minThroughputRatio()) {
            regressions.add(format("throughput %s req/s is %.2f of the baseline's %s req/s (limit %s)",
                    oneDecimal(run.requestsPerSecond()), ratio, oneDecimal(baseline.requestsPerSecond()),
                    plain(limits.minThroughputRatio())));
        }
        return regressions;
    }

    /** Figures the comparison could not make, so that a missing figure is never a silent pass. */
    public List<String> notCompared() {
        List<String> missing = new ArrayList<>();
        if (p95ChangePct() == null) {
            missing.add("p95 (" + (run.p95Ms() == null ? "this run has none" : "the baseline has none") + ")");
        }
        if (throughputRatio() == null) {
            missing.add("req/s ("
                    + (run.requestsPerSecond() == null ? "this run has none" : "the baseline has none") + ")");
        }
        return missing;
    }

    private static Double changePct(Double now, Double before) {
        if (now == null || before == null || before <= 0) {
            return null;
        }
        return (now - before) / before * 100;
    }

    static String signed(double value) {
        String text = oneDecimal(Math.abs(value));
        if (text.equals("0.0")) {
            return "±0.0";
        }
        return (value > 0 ? "+" : "−") + text;
    }

    static String whole(double value) {
        return format("%.0f", value);
    }

    static String oneDecimal(double value) {
        return format("%.1f", value);
    }

    /** A limit as the user wrote it: 20, 0.9, 12.5. */
    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
