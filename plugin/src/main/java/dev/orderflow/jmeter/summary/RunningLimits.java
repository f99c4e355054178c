package dev.orderflow.jmeter.summary;

/**
 * The thresholds of the order summary that started last in this JVM, so that the live view can show each one
 * passing or failing while the run goes on. Only the limits: never the shop's address or admin key.
 */
public final class RunningLimits {

    private static volatile ThresholdLimits current;

    private RunningLimits() {
    }

    static void started(ThresholdLimits limits) {
        current = limits;
    }

    /** The limits of the last order summary started in this JVM, or null when none started. */
    public static ThresholdLimits current() {
        return current;
    }
}
