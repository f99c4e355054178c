package dev.orderflow.jmeter.threads.shape;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed, validated load shape. Durations and spawn rates are those of the run: the time scale has
 * already been applied (durations multiplied by it, spawn rates divided by it, so the shape looks the same).
 * Users and spawn rates are totals for the whole cluster.
 */
public sealed interface LoadSchedule permits LoadSchedule.Constant, LoadSchedule.Staged, LoadSchedule.Scripted {

    /** The time scale the shape was written for, kept to describe the run. */
    double timeScale();

    /** Iterations each user runs before it ends on its own; empty when users loop until they are stopped. */
    OptionalInt iterationsPerUser();

    /** A human description for the run's log. */
    String describe();

    /**
     * {@code users} users started at {@code spawnRate} per second, held for {@code runTime} (when given),
     * each running {@code iterations} iterations (when given).
     */
    record Constant(int users, double spawnRate, Optional<Duration> runTime, OptionalInt iterations, double timeScale)
            implements LoadSchedule {
        @Override
        public OptionalInt iterationsPerUser() {
            return iterations;
        }

        @Override
        public String describe() {
            return users + " users at " + rate(spawnRate) + "/s"
                    + runTime.map(d -> " for " + seconds(d)).orElse("")
                    + (iterations.isPresent() ? ", " + iterations.getAsInt() + " iterations each" : "")
                    + scaleNote(timeScale);
        }
    }

    /** A table of stages in increasing time order; the test ends with the last one. */
    record Staged(List<Stage> stages, double timeScale) implements LoadSchedule {
        public Staged {
            stages = List.copyOf(stages);
        }

        @Override
        public OptionalInt iterationsPerUser() {
            return OptionalInt.empty();
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("stages");
            for (Stage stage : stages) {
                text.append(" [").append(stage.users()).append(" users until ").append(seconds(stage.until()))
                        .append(" at ").append(rate(stage.spawnRate())).append("/s]");
            }
            return text.append(scaleNote(timeScale)).toString();
        }
    }

    /**
     * A Groovy shape asked every {@code tickInterval} (one second of shape time) for the users and spawn rate;
     * its answers are multiplied by {@code usersScale} (the run's {@link LoadScale#users()}).
     */
    record Scripted(ShapeScript script, double timeScale, Duration tickTimeLimit, double usersScale)
            implements LoadSchedule {

        /** A script shape at full scale. */
        public Scripted(ShapeScript script, double timeScale, Duration tickTimeLimit) {
            this(script, timeScale, tickTimeLimit, 1);
        }


        @Override
        public OptionalInt iterationsPerUser() {
            return OptionalInt.empty();
        }

        /** One second of the shape's time in the run's time. */
        public Duration tickInterval() {
            return Durations.ofSeconds(timeScale);
        }

        @Override
        public String describe() {
            return "shape script (tick every " + seconds(tickInterval()) + ")" + scaleNote(timeScale)
                    + (usersScale == 1 ? "" : " (users and spawn rates at scale " + usersScale + ")");
        }
    }

    private static String scaleNote(double timeScale) {
        return timeScale == 1.0 ? "" : " (time scale " + timeScale + ")";
    }

    private static String seconds(Duration d) {
        return Durations.toSeconds(d) + " s";
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate)
                ? Long.toString((long) rate)
                : String.format(java.util.Locale.ROOT, "%.3f", rate);
    }
}
