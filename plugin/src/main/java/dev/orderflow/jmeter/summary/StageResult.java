package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A phase of a stage with its verdict. A plateau is judged against the plan's limits, taken over all of its
 * samples (the p95 and mean of every label together); a ramp is reported, not judged.
 *
 * @param checks the limits checked on this phase; empty for a ramp
 */
public record StageResult(StagePhase phase, List<ThresholdResult> checks) {

    public StageResult {
        checks = List.copyOf(checks);
    }

    /** A plateau held when it had samples and met every limit; a ramp has no verdict. */
    public Boolean held() {
        if (phase.ramp()) {
            return null;
        }
        return phase.span().samples() > 0 && checks.stream().allMatch(ThresholdResult::passed);
    }

    static List<StageResult> judge(List<StagePhase> phases, ThresholdLimits limits) {
        List<StageResult> results = new ArrayList<>();
        for (StagePhase phase : phases) {
            results.add(new StageResult(phase, phase.ramp() ? List.of() : checks(phase.span(), limits)));
        }
        return results;
    }

    private static List<ThresholdResult> checks(RunTimeline.Span span, ThresholdLimits limits) {
        List<ThresholdResult> checks = new ArrayList<>();
        if (limits.maxP95Ms() != null) {
            checks.add(ThresholdResult.atMost("p95", limits.maxP95Ms(),
                    span.samples() == 0 ? null : (double) span.p95Ms(),
                    "no sample"));
        }
        if (limits.maxMeanMs() != null) {
            checks.add(ThresholdResult.atMost("mean", limits.maxMeanMs(), span.samples() == 0 ? null : span.meanMs(),
                    "no sample"));
        }
        if (limits.maxErrorRatePct() != null) {
            checks.add(ThresholdResult.atMost("errors", limits.maxErrorRatePct(), span.errorRatePct(), "no sample"));
        }
        if (limits.minSuccessRatePct() != null && span.ordersEnded() > 0) {
            checks.add(ThresholdResult.atLeast("success rate", limits.minSuccessRatePct(), span.successRatePct(),
                    null));
        }
        return checks;
    }
}
