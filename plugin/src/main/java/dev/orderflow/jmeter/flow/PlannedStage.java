package dev.orderflow.jmeter.flow;

import java.io.Serializable;

/**
 * One stage of a run's shape as the thread group followed it: from {@code fromSeconds} after the group's start
 * the shape asked for {@code users} users (cluster total) until {@code untilSeconds}; at the planned spawn rate
 * they are all running from {@code rampEndSeconds}. What lies before that is the ramp, reported apart from the
 * plateau that follows.
 */
public record PlannedStage(int users, double fromSeconds, double rampEndSeconds, double untilSeconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** True when the ramp takes the whole stage: the stage never holds its users. */
    public boolean hasPlateau() {
        return rampEndSeconds < untilSeconds;
    }
}
