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

    private final List<LocalGroups.RunningGroup> groups;
    private final long runStartMs;

    private LivePlan(List<LocalGroups.RunningGroup> groups, long runStartMs) {
        this.groups = groups;
        this.runStartMs = runStartMs;
    }

    /** The groups that started since {@code runStartMs} (with a second's slack for the clocks' granularity). */
    static LivePlan since(long runStartMs) {
        List<LocalGroups.RunningGroup> running = new ArrayList<>();
        for (LocalGroups.RunningGroup group : LocalGroups.all()) {
            if (group.load().get().startEpochMs() >= runStartMs - 1000) {
                running.add(group);
            }
        }
        return new LivePlan(running, runStartMs);
    }

    /** Whether a thread group runs in this JVM: then its own count of users is the figure to show. */
    boolean hasGroups() {
        return !groups.isEmpty();
    }

    /** The users alive in this JVM's groups now. */
    int users() {
        return groups.stream().mapToInt(group -> group.users().getAsInt()).sum();
    }

    boolean isKnown() {
        return !groups.isEmpty() && groups.stream().allMatch(group -> group.plannedCurve() != null);
    }

    /** The planned users at {@code seconds} of the run, all groups together; null when no plan is known. */
    Double usersAt(double seconds) {
        if (!isKnown()) {
            return null;
        }
        double users = 0;
        for (LocalGroups.RunningGroup group : groups) {
            double at = seconds - offset(group);
            users += at < 0 ? 0 : group.plannedCurve().usersAt(at);
        }
        return users;
    }

    /** Corners of the planned curve in run time, all groups together: where the chart draws the plan ahead. */
    List<Double> corners() {
        List<Double> corners = new ArrayList<>();
        for (LocalGroups.RunningGroup group : groups) {
            for (PlannedCurve.Point point : group.plannedCurve().points()) {
                corners.add(point.seconds() + offset(group));
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
        for (LocalGroups.RunningGroup group : groups) {
            PlannedCurve curve = group.plannedCurve();
            if (!curve.endsByItself()) {
                return null; // users that end after their iterations: the shape has no end of its own
            }
            end = Math.max(end, curve.lastSeconds() + offset(group));
        }
        return end;
    }

    /** The stages followed so far, as {start seconds, users}. */
    List<double[]> stageStarts() {
        List<double[]> starts = new ArrayList<>();
        for (LocalGroups.RunningGroup group : groups) {
            GroupLoad load = group.load().get();
            double offset = (load.startEpochMs() - runStartMs) / 1000.0;
            for (PlannedStage stage : load.stages()) {
                starts.add(new double[] {stage.fromSeconds() + offset, stage.users()});
            }
        }
        return starts;
    }

    private double offset(LocalGroups.RunningGroup group) {
        return (group.load().get().startEpochMs() - runStartMs) / 1000.0;
    }
}
