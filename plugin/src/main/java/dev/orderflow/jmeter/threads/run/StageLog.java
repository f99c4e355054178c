package dev.orderflow.jmeter.threads.run;

import java.util.ArrayList;
import java.util.List;

import dev.orderflow.jmeter.flow.PlannedStage;

/**
 * The stages of a run as its shape asked for them: every change of the cluster's target users starts a stage.
 * The same for a table of stages and for a script, whose stages are only known as it answers. Used by one thread
 * at a time (the group's lock).
 */
final class StageLog {

    private record Change(double seconds, int users, double spawnRate) {
    }

    private final List<Change> changes = new ArrayList<>();

    /**
     * The shape asks for {@code users} (cluster total) at {@code spawnRate} per second, {@code seconds} into the run.
     */
    void observe(double seconds, int users, double spawnRate) {
        if (changes.isEmpty() || changes.get(changes.size() - 1).users() != users) {
            changes.add(new Change(seconds, users, spawnRate));
        }
    }

    /**
     * The stages so far, the last one ending at {@code endSeconds}; each ramp starts from the previous stage's users.
     */
    List<PlannedStage> stages(double endSeconds) {
        List<PlannedStage> stages = new ArrayList<>();
        int previousUsers = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            double until = i + 1 < changes.size()
                    ? changes.get(i + 1).seconds()
                    : Math.max(endSeconds, change.seconds());
            double ramp = change.spawnRate() > 0 ? Math.abs(change.users() - previousUsers) / change.spawnRate() : 0;
            stages.add(new PlannedStage(change.users(), change.seconds(), Math.min(until, change.seconds() + ramp),
                    until, change.spawnRate()));
            previousUsers = change.users();
        }
        return stages;
    }
}
