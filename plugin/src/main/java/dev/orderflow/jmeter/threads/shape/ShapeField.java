package dev.orderflow.jmeter.threads.shape;

/**
 * The fields a load shape is written in, by the names the thread group's form shows. A message about a shape
 * names its field this way, and the element's schema labels its form with these names, so that a message points
 * at what the person sees; the shape language keeps them so it need not know the element.
 */
public enum ShapeField {
    SHAPE("Load shape"),
    USERS("Users"),
    SPAWN_RATE("Spawn rate (users/s)"),
    RUN_TIME("Run time (s)"),
    ITERATIONS("Iterations per user"),
    STAGES("Stages"),
    SCRIPT("Shape script"),
    TICK_TIME_LIMIT("Tick time limit (s)"),
    TIME_SCALE("Time scale"),
    STOP_GRACE("Stop grace period (s)");

    private final String label;

    ShapeField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
