package dev.orderflow.jmeter.threads.plan;

import java.time.Duration;
import java.util.Optional;

import dev.orderflow.jmeter.threads.shape.LoadScale;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.ShapeScript;
import dev.orderflow.jmeter.threads.shape.Target;

/**
 * The plan of a script shape: the script is asked once per tick (one second of shape time, i.e. the time
 * scale in seconds of the run) with the shape time of that tick, 0, 1, 2 …, so a scaled run sees the
 * same answers as a full-length one. Spawn rates it returns are per second of shape time and are divided by
 * the time scale. Users and spawn rates it returns are multiplied by the run's scale, as a written shape's are.
 * Once the script returns null the test is over for good.
 */
final class ScriptedPlan implements LoadPlan {

    private final ShapeScript.Ticker ticker;
    private final long tickNanos;
    private final double timeScale;
    private final LoadScale scale;

    private long lastTick = -1;
    private Optional<Target> lastTarget = Optional.empty();
    private boolean ended;

    ScriptedPlan(LoadSchedule.Scripted schedule) {
        this.ticker = schedule.script().newTicker(schedule.tickTimeLimit());
        this.tickNanos = Math.max(1, schedule.tickInterval().toNanos());
        this.timeScale = schedule.timeScale();
        this.scale = new LoadScale(schedule.usersScale(), 1);
    }

    @Override
    public Optional<Target> targetAt(Duration elapsed) {
        if (ended) {
            return Optional.empty();
        }
        long tick = elapsed.toNanos() / tickNanos;
        if (tick > lastTick) {
            // Ticks that passed while nobody asked are skipped: the shape is asked about the present.
            Optional<Target> answer = ticker.tick((double) tick);
            lastTick = tick;
            lastTarget = answer.map(t ->
                    new Target(scale.users(t.users()), scale.spawnRate(t.spawnRate()) / timeScale));
            ended = answer.isEmpty();
        }
        return lastTarget;
    }

    @Override
    public Optional<Duration> nextChangeAfter(Duration elapsed) {
        if (ended) {
            return Optional.empty();
        }
        long tick = elapsed.toNanos() / tickNanos;
        return Optional.of(Duration.ofNanos((tick + 1) * tickNanos));
    }

    @Override
    public Optional<Duration> plannedEnd() {
        return Optional.empty();
    }
}
