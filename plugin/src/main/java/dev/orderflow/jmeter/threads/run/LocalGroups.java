package dev.orderflow.jmeter.threads.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;

/**
 * The orderflow thread groups running in this JVM, for the live view: each one's planned curve and its load so
 * far. A group replaces its entry when it starts again; entries are few (one per group of the plan).
 */
public final class LocalGroups {

    /**
     * A running group.
     *
     * @param group the group's name
     * @param plannedCurve the planned users over time (cluster total), from the group's start; null when the shape
     *        is a script, which is only known as it answers
     * @param load the group's account of its load so far (its start, the stages it followed)
     * @param users the group's users alive in this JVM now
     */
    public record RunningGroup(String group, PlannedCurve plannedCurve, Supplier<GroupLoad> load, IntSupplier users) {
    }

    private static final Map<String, RunningGroup> GROUPS = new ConcurrentHashMap<>();

    private LocalGroups() {
    }

    public static void started(RunningGroup group) {
        GROUPS.put(group.group(), group);
    }

    /** The groups that started in this JVM, most recent run of each. */
    public static List<RunningGroup> all() {
        return List.copyOf(GROUPS.values());
    }
}
