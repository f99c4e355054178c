package dev.orderflow.jmeter.threads.shape;

import java.time.Duration;

/**
 * A stage of the load: until {@code until} after the start, hold {@code users} users, reaching that number
 * from the previous stage's at {@code spawnRate} users per second. Times and rates are those of the run,
 * after the time scale.
 */
public record Stage(Duration until, int users, double spawnRate) {
}
