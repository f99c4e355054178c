package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * The closing summary of a run: what was configured, what was counted, and the verdict of every check.
 *
 * @param plan the plan's name, or empty
 * @param engines the load machines the run used
 * @param users the users the thread groups planned (cluster total, at the run's scale), or null when unknown
 * @param spawnRate the spawn rate they planned (cluster total, users per second), or null when unknown
 * @param counts what the listener counted
 * @param thresholds every check: the configured limits, then the shop reconciliation
 * @param shop the reconciliation with the shop, or null when it is off
 * @param stages the stages of a staged or scripted run with their verdicts; empty otherwise
 */
public record RunSummary(String plan, int engines, Integer users, Double spawnRate, RunCounts counts,
        List<ThresholdResult> thresholds, ShopCheck shop, List<StageResult> stages) {

    public RunSummary {
        thresholds = List.copyOf(thresholds);
        stages = List.copyOf(stages);
    }

    /** A summary without stages. */
    public RunSummary(String plan, int engines, Integer users, Double spawnRate, RunCounts counts,
            List<ThresholdResult> thresholds, ShopCheck shop) {
        this(plan, engines, users, spawnRate, counts, thresholds, shop, List.of());
    }

    /** Checks the counts against the settings' limits and adds the shop's reconciliation. */
    public static RunSummary of(RunSettings settings, RunCounts counts, int engines, ShopCheck shop) {
        return of(settings, counts, engines, shop, List.of());
    }

    /**
     * Checks that the planned load ran, then the counts against the settings' limits, and adds the shop's
     * reconciliation.
     *
     * @param refusals why the test was refused at its start, empty when it was not
     */
    public static RunSummary of(RunSettings settings, RunCounts counts, int engines, ShopCheck shop,
            List<String> refusals) {
        List<ThresholdResult> checks = new ArrayList<>();
        ThresholdResult plannedLoad = PlannedLoadCheck.check(counts, refusals);
        if (plannedLoad != null) {
            checks.add(plannedLoad);
        }
        checks.addAll(Thresholds.evaluate(settings.limits(), counts));
        if (shop != null) {
            checks.addAll(shop.checks());
        }
        PlannedLoad planned = PlannedLoad.of(counts.loads());
        return new RunSummary(settings.plan(), engines, planned.users(), planned.spawnRate(), counts, checks, shop,
                StageResult.judge(counts.stagePhases(), settings.limits()));
    }

    /** This summary with one more check. */
    public RunSummary withCheck(ThresholdResult check) {
        List<ThresholdResult> checks = new ArrayList<>(thresholds);
        checks.add(check);
        return new RunSummary(plan, engines, users, spawnRate, counts, checks, shop, stages);
    }

    public boolean passed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /** {@code pass} or {@code fail}, as summary.json says it. */
    public String verdict() {
        return passed() ? "pass" : "fail";
    }

    public List<ThresholdResult> failures() {
        return thresholds.stream().filter(result -> !result.passed()).toList();
    }
}
