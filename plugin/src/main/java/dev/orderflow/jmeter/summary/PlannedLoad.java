package dev.orderflow.jmeter.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;

/**
 * The users and spawn rate the run's orderflow thread groups planned, cluster totals at the run's scale, as
 * their load reports tell them: the summary reports the load the groups were told to run rather than a copy
 * of it in its own settings, which could disagree. Several groups add up.
 *
 * @param users the highest number of users the shapes asked for at once, or null when no group reported its
 *        shape (a plan under JMeter's stock thread group, or a run that ended before any report came)
 * @param spawnRate the spawn rate of each shape's first stage, users per second, or null likewise
 * @param iterations the iterations (orders, or page loads) all users together were planned to run: users times
 *        each group's iterations per user; null when a group's users loop until its shape ends, or none reported
 */
record PlannedLoad(Integer users, Double spawnRate, Long iterations) {

    static final PlannedLoad UNKNOWN = new PlannedLoad(null, null, null);

    static PlannedLoad of(List<GroupLoad> loads) {
        Map<String, GroupPlan> groups = new LinkedHashMap<>();
        for (GroupLoad load : loads) {
            groups.merge(load.group(), GroupPlan.of(load), GroupPlan::plus);
        }
        if (groups.isEmpty() || groups.values().stream().allMatch(group -> group.users() == 0)) {
            return UNKNOWN;
        }
        int users = groups.values().stream().mapToInt(GroupPlan::users).sum();
        boolean rates = groups.values().stream().anyMatch(group -> group.spawnRate() != null);
        double spawnRate = groups.values().stream()
                .mapToDouble(group -> group.spawnRate() == null ? 0 : group.spawnRate()).sum();
        boolean counted = groups.values().stream().allMatch(group -> group.iterationsPerUser() > 0);
        long iterations = groups.values().stream().mapToLong(group -> (long) group.users() * group.iterationsPerUser())
                .sum();
        return new PlannedLoad(users, rates ? spawnRate : null, counted ? iterations : null);
    }

    /**
     * One group's plan from one or more engines' reports. Every engine's stages are cluster totals, so one report
     * that followed its shape says it all; without stages (a group that could not start) the engines' shares add up.
     */
    private record GroupPlan(int users, Double spawnRate, int iterationsPerUser, boolean fromStages) {

        static GroupPlan of(GroupLoad load) {
            List<PlannedStage> stages = load.stages();
            if (stages.isEmpty()) {
                return new GroupPlan(load.plannedUsers(), null, load.iterationsPerUser(), false);
            }
            int peak = stages.stream().mapToInt(PlannedStage::users).max().orElse(0);
            return new GroupPlan(peak, stages.get(0).spawnRate(), load.iterationsPerUser(), true);
        }

        GroupPlan plus(GroupPlan other) {
            if (fromStages) {
                return this;
            }
            return other.fromStages ? other
                    : new GroupPlan(users + other.users, null, iterationsPerUser, false);
        }
    }
}
