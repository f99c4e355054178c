package dev.orderflow.jmeter.threads;

import java.util.List;

/**
 * The properties of {@link OrderFlowThreadGroup}, declared once for the element, its editor and the tests.
 *
 * <p>Every value is stored as text so that any of them can be a JMeter expression such as
 * {@code ${__P(users,100)}}; the values are read when the test starts.
 */
public final class OrderFlowThreadGroupSchema {

    /** Namespace of every key, so that our properties never collide with JMeter's own thread group keys. */
    public static final String PREFIX = "OrderFlowThreadGroup.";

    /** Which load shape runs: {@link ShapeKind#propertyValue()}. */
    public static final PropertyField SHAPE = field("shape", "Load shape", ShapeKind.USERS.propertyValue());
    public static final PropertyField USERS = field("users", "Users", "10");
    public static final PropertyField SPAWN_RATE = field("spawnRate", "Spawn rate (users/s)", "1");
    /** Seconds; empty when users run a number of iterations instead. */
    public static final PropertyField RUN_TIME = field("runTime", "Run time (s)", "60");
    /** Iterations per user; empty when users loop until the run time is over. */
    public static final PropertyField ITERATIONS = field("iterations", "Iterations per user", "");
    /** A collection of {@link StageRow} elements. */
    public static final PropertyField STAGES = field("stages", "Stages", "");
    public static final PropertyField SCRIPT = field("script", "Shape script", "");
    /** Seconds the script body and each tick() may take before the test fails, naming the script's line. */
    public static final PropertyField TICK_TIME_LIMIT = field("tickTimeLimit", "Tick time limit (s)", "1");
    /** Multiplies every duration of the shape (run time, stage times, script time). */
    public static final PropertyField TIME_SCALE = field("timeScale", "Time scale", "1");
    /** Seconds users get to finish their current sample at the planned end before they are interrupted. */
    public static final PropertyField STOP_GRACE = field("stopGracePeriod", "Stop grace period (s)", "10");
    public static final PropertyField VIRTUAL_THREADS = field("virtualThreads", "Virtual threads (Java 21+)", "true");

    /** Columns of a stage row. */
    public static final PropertyField STAGE_UNTIL = field("stage.until", "until (s)", "");
    public static final PropertyField STAGE_USERS = field("stage.users", "users", "");
    public static final PropertyField STAGE_SPAWN_RATE = field("stage.spawnRate", "spawn rate", "");

    public static final List<PropertyField> STAGE_COLUMNS = List.of(STAGE_UNTIL, STAGE_USERS, STAGE_SPAWN_RATE);

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

    /** Property naming the engines of a distributed run, exactly the controller's -R list: {@code host:port,…}. */
    public static final String ENGINES_PROPERTY = "orderflow.engines";
    /** Property that fixes this engine's number (0 … engines − 1) instead of finding it in {@link #ENGINES_PROPERTY}. */
    public static final String ENGINE_PROPERTY = "orderflow.engine";

    private OrderFlowThreadGroupSchema() {
    }

    private static PropertyField field(String name, String label, String defaultValue) {
        return new PropertyField(PREFIX + name, label, defaultValue);
    }
}
