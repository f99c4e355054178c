package dev.orderflow.jmeter.threads;

import java.util.List;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.threads.shape.ShapeField;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/**
 * The properties of {@link OrderFlowThreadGroup}, declared once with JMeter's schema API for the element, its
 * editor, its messages and the tests.
 *
 * <p>Every value is stored as text so that any of them can be a JMeter expression such as
 * {@code ${__P(users,100)}}; the values are read when the test starts.
 */
public final class OrderFlowThreadGroupSchema extends OrderFlowSchema {

    /** Namespace of every key, so that our properties never collide with JMeter's own thread group keys. */
    public static final String PREFIX = "OrderFlowThreadGroup.";

    public static final OrderFlowThreadGroupSchema INSTANCE = new OrderFlowThreadGroupSchema();

    /** Which load shape runs: {@link ShapeKind#propertyValue()}. */
    public static final Setting SHAPE = INSTANCE.text(PREFIX + "shape", ShapeField.SHAPE.label(),
            ShapeKind.USERS.propertyValue(), "users, stages or script");
    public static final Setting USERS = INSTANCE.text(PREFIX + "users", ShapeField.USERS.label(), "10",
            "Concurrent virtual users, the cluster's total in a distributed run");
    public static final Setting SPAWN_RATE = INSTANCE.text(PREFIX + "spawnRate", ShapeField.SPAWN_RATE.label(), "1",
            "Users started (or stopped) per second until the number is reached");
    /** Seconds; empty when users run a number of iterations instead. */
    public static final Setting RUN_TIME = INSTANCE.text(PREFIX + "runTime", ShapeField.RUN_TIME.label(), "60",
            "How long the users run; empty when they run a number of iterations instead");
    /** Iterations per user; empty when users loop until the run time is over. */
    public static final Setting ITERATIONS = INSTANCE.text(PREFIX + "iterations", ShapeField.ITERATIONS.label(), "",
            "Orders each user places before it ends; empty loops until the run time is over");
    /** A collection of {@link StageRow} elements. */
    public static final Setting STAGES = INSTANCE.table(PREFIX + "stages", ShapeField.STAGES.label(),
            "Rows of until (s), users and spawn rate, as Locust's stages");
    public static final Setting SCRIPT = INSTANCE.longText(PREFIX + "script", ShapeField.SCRIPT.label(), "",
            "Groovy that defines tick(), asked each second for [users, spawn rate], or null to end");
    /** Seconds the script body and each tick() may take before the test fails, naming the script's line. */
    public static final Setting TICK_TIME_LIMIT = INSTANCE.text(PREFIX + "tickTimeLimit",
            ShapeField.TICK_TIME_LIMIT.label(), "1", "Seconds the script's body and each tick() may take");
    /** Multiplies every duration of the shape (run time, stage times, script time). */
    public static final Setting TIME_SCALE = INSTANCE.text(PREFIX + "timeScale", ShapeField.TIME_SCALE.label(), "1",
            "Multiplies every duration of the shape");
    /** Seconds users get to finish their current sample at the planned end before they are interrupted. */
    public static final Setting STOP_GRACE = INSTANCE.text(PREFIX + "stopGracePeriod", ShapeField.STOP_GRACE.label(),
            "10", "Seconds users get to finish their current sample at the planned end before they are interrupted");
    public static final Setting VIRTUAL_THREADS = INSTANCE.flag(PREFIX + "virtualThreads", "Virtual threads (Java 21+)",
            true, "Users run on virtual threads where the Java runtime has them");

    /**
     * The stepped shape of the orderflow test series, used as the first stages of a new element:
     * 100 users until 60 s, 300 until 180 s, 500 until 300 s, 700 until 420 s, 1000 until 600 s.
     */
    public static final List<List<String>> SEED_STAGES = List.of(
            List.of("60", "100", "10"),
            List.of("180", "300", "10"),
            List.of("300", "500", "10"),
            List.of("420", "700", "10"),
            List.of("600", "1000", "10"));

    private OrderFlowThreadGroupSchema() {
        super("Thread group", "Runs the load the way Locust does: a number of users reached at a spawn rate, a table"
                + " of stages, or a Groovy shape script asked each second. In a distributed run users and spawn rate"
                + " are cluster totals.");
    }

    /** The columns of one row of {@link #STAGES}, each a property of a {@link StageRow}. */
    public static final class StageRowSchema extends OrderFlowSchema {

        public static final StageRowSchema INSTANCE = new StageRowSchema();

        public static final Setting UNTIL = INSTANCE.text(PREFIX + "stage.until", "until (s)", "",
                "The stage lasts until this many seconds into the run");
        public static final Setting USERS = INSTANCE.text(PREFIX + "stage.users", "users", "",
                "Users during the stage");
        public static final Setting SPAWN_RATE = INSTANCE.text(PREFIX + "stage.spawnRate", "spawn rate", "",
                "Users started or stopped per second on the way to the stage's users");

        public static final List<Setting> COLUMNS = List.of(UNTIL, USERS, SPAWN_RATE);

        private StageRowSchema() {
            super("Stage", "One stage of the thread group's stages shape.");
        }
    }
}
