package dev.orderflow.jmeter.threads.shape;

import java.time.Duration;

/**
 * Conversions between fractional seconds, as users write them, and {@link Duration}: the shape's unit of time,
 * which the plan, the run and its reports convert the same way.
 */
public final class Durations {

    private Durations() {
    }

    public static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    public static double toSeconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
