package dev.orderflow.jmeter.summary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the summary of a run whose JMeter is ended before the run is (Ctrl-C, SIGTERM, System.exit from
 * elsewhere): a shutdown hook, registered while a non-GUI run runs, writes what was collected, marked incomplete,
 * instead of nothing at all.
 */
final class Interruption {

    static final String CHECK_NAME = "interrupted";
    private static final Logger log = LoggerFactory.getLogger(Interruption.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Thread hook;

    private Interruption(Runnable publish) {
        this.hook = new Thread(publish, "orderflow-summary-on-exit");
    }

    /** Registers the hook; {@code publish} runs when the JVM ends while the run still runs. */
    static Interruption watch(Runnable publish) {
        Interruption interruption = new Interruption(publish);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** The run ended as it should: the hook is no longer needed. */
    void cancel() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending already; the hook finds the run ended and does nothing
            log.debug("shutdown under way, the hook stays", shuttingDown);
        }
    }

    /** The failed check of a run ended early by the end of its JVM. */
    static ThresholdResult check(long atMs) {
        return ThresholdResult.failed(CHECK_NAME, "JMeter was ended at " + CLOCK.format(Instant.ofEpochMilli(atMs))
                + " UTC before the run ended (Ctrl-C, SIGTERM or an exit): the summary counts what was collected"
                + " until then; the run is incomplete");
    }
}
