package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Checks a run's counts against its limits; a limit that is off yields no result. */
public final class Thresholds {

    private Thresholds() {
    }

    public static List<ThresholdResult> evaluate(ThresholdLimits limits, RunCounts counts) {
        List<ThresholdResult> results = new ArrayList<>();
        FunnelCounts funnel = counts.funnel();
        if (funnel.logins() > 0) {
            // a user that could not log in placed no order: its load never happened
            results.add(ThresholdResult.atMost("max_login_failures", limits.maxLoginFailures(),
                    (double) funnel.loginFailures(), null)
                    .meaning("failed logins of " + funnel.logins() + " tried"));
        }
        if (limits.minSuccessRatePct() != null) {
            results.add(ThresholdResult.atLeast("min_success_rate", limits.minSuccessRatePct(),
                    funnel.successRatePct(), "no order was attempted")
                    .meaning("% of orders attempted that were created"));
        }
        if (limits.maxErrorRatePct() != null) {
            results.add(ThresholdResult.atMost("max_error_rate", limits.maxErrorRatePct(), counts.errorRatePct(),
                    "no sample was taken")
                    .meaning("% of samples of all labels that failed"));
        }
        if (limits.maxMeanMs() != null) {
            perLabel(results, "max_mean_ms", limits.maxMeanMs(), limits, counts, LabelStats::meanMs);
        }
        if (limits.maxP95Ms() != null) {
            perLabel(results, "max_p95_ms", limits.maxP95Ms(), limits, counts, stats -> (double) stats.p95Ms());
        }
        return results;
    }

    private static void perLabel(List<ThresholdResult> results, String name, double limit, ThresholdLimits limits,
            RunCounts counts, ToDoubleFunction<LabelStats> measure) {
        boolean anyLabel = false;
        for (LabelStats stats : counts.labels()) {
            if (limits.checksLabel(stats.label())) {
                anyLabel = true;
                results.add(ThresholdResult.atMost(name + "[" + stats.label() + "]", limit,
                        measure.applyAsDouble(stats), null));
            }
        }
        if (!anyLabel) {
            // a limit that checks nothing is a mistake in the plan (a typo in the pattern), not a pass
            results.add(ThresholdResult.failed(name + "[" + limits.labelsName() + "]",
                    "no sample label matches "
                            + (limits.labels() == null ? "(no samples)" : "'" + limits.labelsName() + "'")));
        }
    }
}
