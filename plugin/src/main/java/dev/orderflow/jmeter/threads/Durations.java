package dev.orderflow.jmeter.threads;

import java.time.Duration;

/** Conversions between fractional seconds, as users write them, and {@link Duration}. */
final class Durations {

    private Durations() {
    }

    static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    static double toSeconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
