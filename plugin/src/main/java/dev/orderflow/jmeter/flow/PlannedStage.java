package dev.orderflow.jmeter.flow;

import java.io.Serializable;

/**
 * One stage of a run's shape as the thread group followed it: from {@code fromSeconds} after the group's start
 * the shape asked for {@code users} users (cluster total) until {@code untilSeconds}; at the planned spawn rate
 * ({@code spawnRate} users per second, cluster total) they are all running from {@code rampEndSeconds}. What
 * lies before that is the ramp, reported apart from the plateau that follows.
 */
public record PlannedStage(int users, double fromSeconds, double rampEndSeconds, double untilSeconds,
        double spawnRate) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A stage whose spawn rate does not matter to the reader. */
    public PlannedStage(int users, double fromSeconds, double rampEndSeconds, double untilSeconds) {
        this(users, fromSeconds, rampEndSeconds, untilSeconds, 0);
    }

    /** True when the ramp takes the whole stage: the stage never holds its users. */
    public boolean hasPlateau() {
        return rampEndSeconds < untilSeconds;
    }
}
