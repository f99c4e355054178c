package dev.orderflow.jmeter.threads.plan;

import java.time.Duration;
import java.util.Optional;

import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.Target;

/**
 * The load the shape asks for, as a function of the time elapsed since the thread group started. For the
 * users and stages shapes it is a pure function of time; for a script shape it is whatever the script
 * answers, asked once per tick and in time order. Users and spawn rates are cluster totals.
 */
public interface LoadPlan {

    /** The target at {@code elapsed}, or empty once the test is over. */
    Optional<Target> targetAt(Duration elapsed);

    /** The next moment after {@code elapsed} at which the target may change; empty when it never will. */
    Optional<Duration> nextChangeAfter(Duration elapsed);

    /** When the shape ends, if that is known before the run. */
    Optional<Duration> plannedEnd();

    /** A plan for one run of the schedule (a script shape gets a fresh instance of the script). */
    static LoadPlan of(LoadSchedule schedule) {
        if (schedule instanceof LoadSchedule.Constant constant) {
            return StagedPlan.of(constant);
        }
        if (schedule instanceof LoadSchedule.Staged staged) {
            return StagedPlan.of(staged);
        }
        return new ScriptedPlan((LoadSchedule.Scripted) schedule);
    }
}
