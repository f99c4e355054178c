package dev.orderflow.jmeter.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntSupplier;

import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.flow.PlannedStage;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.run.LocalGroups;

/**
 * The plan of the run's orderflow thread groups, in the live view's time (seconds since the run started): the
 * planned users over time, the stages so far, the planned end. The groups running in this JVM are read directly;
 * a distributed run's controller runs none, and takes the plans the engines' groups announced as they started.
 */
final class LivePlan {

    /**
     * A group's plan from its start, {@code offset} seconds into the run.
     *
     * @param curve  the planned users over time, cluster totals; null while a script shape is only known as it runs
     * @param stages where its stages begin, seconds from its start, with their users
     * @param users  the group's users alive in this JVM now; null for a group on another engine
     */
    private record Group(PlannedCurve curve, List<LoadPlanNotice.Point> stages, double offset, IntSupplier users) {
    }

    private final List<Group> groups;

    private LivePlan(List<Group> groups) {
        this.groups = groups;
    }

    /**
     * The groups that started since {@code runStartMs} (with a second's slack for the clocks' granularity): those of
     * this JVM, or else those whose plans were announced.
     */
    static LivePlan since(long runStartMs, Collection<LoadPlanNotice> announced) {
        List<Group> running = new ArrayList<>();
        for (LocalGroups.RunningGroup group : LocalGroups.all()) {
            long start = group.load().get().startEpochMs();
            if (start >= runStartMs - 1000) {
                List<LoadPlanNotice.Point> stages = new ArrayList<>();
                for (PlannedStage stage : group.load().get().stages()) {
                    stages.add(new LoadPlanNotice.Point(stage.fromSeconds(), stage.users()));
                }
                running.add(new Group(group.plannedCurve(), stages, (start - runStartMs) / 1000.0, group.users()));
            }
        }
        if (running.isEmpty()) {
            for (LoadPlanNotice plan : announced) {
                if (plan.startEpochMs() >= runStartMs - 1000 && !plan.corners().isEmpty()) {
                    running.add(new Group(curve(plan), plan.stageStarts(), (plan.startEpochMs() - runStartMs) / 1000.0,
                            null));
                }
            }
        }
        return new LivePlan(running);
    }

    private static PlannedCurve curve(LoadPlanNotice plan) {
        return PlannedCurve.through(plan.corners().stream()
                .map(point -> new PlannedCurve.Point(point.seconds(), point.users())).toList(), plan.endsByItself());
    }

    /** Whether a thread group runs in this JVM: then its own count of users is the figure to show. */
    boolean hasGroups() {
        return groups.stream().anyMatch(group -> group.users() != null);
    }

    /** The users alive in this JVM's groups now. */
    int users() {
        return groups.stream().filter(group -> group.users() != null).mapToInt(group -> group.users().getAsInt()).sum();
    }

    boolean isKnown() {
        return !groups.isEmpty() && groups.stream().allMatch(group -> group.curve() != null);
    }

    /** The planned users at {@code seconds} of the run, all groups together; null when no plan is known. */
    Double usersAt(double seconds) {
        if (!isKnown()) {
            return null;
        }
        double users = 0;
        for (Group group : groups) {
            double at = seconds - group.offset();
            users += at < 0 ? 0 : group.curve().usersAt(at);
        }
        return users;
    }

    /** Corners of the planned curve in run time, all groups together: where the chart draws the plan ahead. */
    List<Double> corners() {
        List<Double> corners = new ArrayList<>();
        for (Group group : groups) {
            if (group.curve() == null) {
                continue;
            }
            for (PlannedCurve.Point point : group.curve().points()) {
                corners.add(point.seconds() + group.offset());
            }
        }
        return corners;
    }

    /** When the plan ends, seconds into the run; null when no plan is known or it has no planned end. */
    Double end() {
        if (!isKnown()) {
            return null;
        }
        double end = 0;
        for (Group group : groups) {
            if (!group.curve().endsByItself()) {
                return null; // users that end after their iterations: the shape has no end of its own
            }
            end = Math.max(end, group.curve().lastSeconds() + group.offset());
        }
        return end;
    }

    /** The stages followed so far (or planned, for another engine's group), as {start seconds, users}. */
    List<double[]> stageStarts() {
        List<double[]> starts = new ArrayList<>();
        for (Group group : groups) {
            for (LoadPlanNotice.Point stage : group.stages()) {
                starts.add(new double[] {stage.seconds() + group.offset(), stage.users()});
            }
        }
        return starts;
    }
}
