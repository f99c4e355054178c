package dev.orderflow.jmeter.flow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The orderflow thread groups running in this JVM, for the live view: each one's planned curve and its load so
 * far. A group replaces its entry when it starts again; entries are few (one per group of the plan).
 */
public final class LocalGroups {

    /**
     * A running group.
     *
     * @param group the group's name
     * @param plannedCurve corners of the planned users over time, {seconds after the start, users (cluster total)};
     *        empty when the shape is a script, which is only known as it answers
     * @param load the group's account of its load so far (its start, the stages it followed)
     */
    public record RunningGroup(String group, List<double[]> plannedCurve, Supplier<GroupLoad> load) {
        public RunningGroup {
            plannedCurve = List.copyOf(plannedCurve);
        }
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
