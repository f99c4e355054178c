package dev.orderflow.jmeter.threads.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.Stage;
import dev.orderflow.jmeter.threads.shape.Target;

/**
 * The plan of the users and stages shapes: a list of stages, each holding its target until its end.
 * Pure: the target at a time depends on nothing but the time.
 */
final class StagedPlan implements LoadPlan {

    /** A stage with no end: the users shape without a run time, whose users end after their iterations. */
    private static final Duration OPEN_END = Duration.ofNanos(Long.MAX_VALUE);

    private final List<Stage> stages;

    private StagedPlan(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    static StagedPlan of(LoadSchedule.Constant constant) {
        Duration end = constant.runTime().orElse(OPEN_END);
        return new StagedPlan(List.of(new Stage(end, constant.users(), constant.spawnRate())));
    }

    static StagedPlan of(LoadSchedule.Staged staged) {
        return new StagedPlan(staged.stages());
    }

    @Override
    public Optional<Target> targetAt(Duration elapsed) {
        return stageAt(elapsed).map(stage -> new Target(stage.users(), stage.spawnRate()));
    }

    @Override
    public Optional<Duration> nextChangeAfter(Duration elapsed) {
        return stageAt(elapsed).map(Stage::until).filter(until -> !until.equals(OPEN_END));
    }

    @Override
    public Optional<Duration> plannedEnd() {
        Duration last = stages.get(stages.size() - 1).until();
        return last.equals(OPEN_END) ? Optional.empty() : Optional.of(last);
    }

    private Optional<Stage> stageAt(Duration elapsed) {
        for (Stage stage : stages) {
            if (elapsed.compareTo(stage.until()) < 0) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
