package dev.orderflow.jmeter.live;

import java.util.ArrayList;
import java.util.List;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;
import dev.orderflow.jmeter.threads.LocalGroups;
import dev.orderflow.jmeter.threads.PlannedCurve;

/**
 * The plan of the orderflow thread groups running in this JVM, in the live view's time (seconds since the run
 * started): the planned users over time, the stages so far, the planned end. A distributed run's controller runs
 * no thread group: it has no plan to show, only the engines' users.
 */
final class LivePlan {

    /** A group of this run with its load as it was when this plan was taken, and its start in run time. */
    private record Group(LocalGroups.RunningGroup group, GroupLoad load, double offset) {
        PlannedCurve curve() {
            return group.plannedCurve();
        }
    }

    private final List<Group> groups;

    private LivePlan(List<Group> groups) {
        this.groups = groups;
    }

    /** The groups that started since {@code runStartMs} (with a second's slack for the clocks' granularity). */
    static LivePlan since(long runStartMs) {
        List<Group> running = new ArrayList<>();
        for (LocalGroups.RunningGroup group : LocalGroups.all()) {
            GroupLoad load = group.load().get();
            if (load.startEpochMs() >= runStartMs - 1000) {
                running.add(new Group(group, load, (load.startEpochMs() - runStartMs) / 1000.0));
            }
        }
        return new LivePlan(running);
    }

    /** Whether a thread group runs in this JVM: then its own count of users is the figure to show. */
    boolean hasGroups() {
        return !groups.isEmpty();
    }

    /** The users alive in this JVM's groups now. */
    int users() {
        return groups.stream().mapToInt(group -> group.group().users().getAsInt()).sum();
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

    /** The stages followed so far, as {start seconds, users}. */
    List<double[]> stageStarts() {
        List<double[]> starts = new ArrayList<>();
        for (Group group : groups) {
            for (PlannedStage stage : group.load().stages()) {
                starts.add(new double[] {stage.fromSeconds() + group.offset(), stage.users()});
            }
        }
        return starts;
    }
}
