package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import dev.orderflow.jmeter.flow.GroupLoad;

/**
 * Whether the load the plan asked for happened: the first check of every verdict. No threshold can pass a run
 * that was refused at its start, stopped before its shape ended, or never ran all its planned users, whatever its
 * few samples say. The evidence is the load report each orderflow thread group sends from each engine.
 */
final class PlannedLoadCheck {

    static final String NAME = "planned_load";

    private PlannedLoadCheck() {
    }

    /**
     * @param refusals why the test was refused at its start, empty when it was not
     * @return the check, or null when the samples came from another thread group than orderflow's, which
     *         reports no load to check against
     */
    static ThresholdResult check(RunCounts counts, List<String> refusals) {
        if (!refusals.isEmpty()) {
            return ThresholdResult.failed(NAME, "the test was refused at its start: " + String.join("; ", refusals));
        }
        if (counts.loads().isEmpty()) {
            if (counts.samples() == 0) {
                return ThresholdResult.failed(NAME, "no load ran: no sample was taken and no orderflow thread group"
                        + " reported its load");
            }
            if (counts.fromOrderFlowGroup()) {
                return ThresholdResult.failed(NAME, "the orderflow thread group sent no load report: the run ended"
                        + " before its shape did (an engine lost, or JMeter ended abruptly)");
            }
            return null;
        }
        Map<String, List<GroupLoad>> byGroup = new LinkedHashMap<>();
        for (GroupLoad load : counts.loads()) {
            byGroup.computeIfAbsent(load.group(), g -> new ArrayList<>()).add(load);
        }
        List<String> failures = new ArrayList<>();
        List<String> held = new ArrayList<>();
        byGroup.forEach((group, loads) -> judge(group, loads, failures, held));
        return failures.isEmpty()
                ? ThresholdResult.judged(NAME, true, String.join("; ", held))
                : ThresholdResult.failed(NAME, String.join("; ", failures));
    }

    private static void judge(String group, List<GroupLoad> loads, List<String> failures, List<String> held) {
        int engines = loads.stream().mapToInt(GroupLoad::engines).max().orElse(1);
        TreeSet<Integer> missing = new TreeSet<>();
        for (int engine = 0; engine < engines; engine++) {
            missing.add(engine);
        }
        boolean allHeld = true;
        for (GroupLoad load : loads) {
            missing.remove(load.engine());
            if (!load.held()) {
                failures.add(load.describe());
                allHeld = false;
            }
        }
        if (!missing.isEmpty()) {
            failures.add("group '" + group + "': no load report from engine(s) "
                    + String.join(", ", missing.stream().map(e -> Integer.toString(e + 1)).toList())
                    + " of " + engines + ": the run ended before their shape did");
            allHeld = false;
        }
        if (allHeld) {
            int planned = loads.stream().mapToInt(GroupLoad::plannedUsers).sum();
            int reached = loads.stream().mapToInt(GroupLoad::reachedUsers).sum();
            double seconds = loads.stream().mapToDouble(GroupLoad::seconds).max().orElse(0);
            held.add(String.format(Locale.ROOT, "group '%s': the shape ran to its end in %.1f s%s, %d of %d planned"
                    + " users ran", group, seconds, engines > 1 ? " on " + engines + " engines" : "", reached,
                    planned));
        }
    }
}
