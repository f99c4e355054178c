package dev.orderflow.testplans.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a run learns that it must stop early, and makes the JVM wait until the run has filed what it collected:
 * Ctrl-C or SIGTERM (a shutdown hook: the JVM would otherwise end before any report is filed), or the build that
 * started it ending (Maven killed: the run must not outlive it). Either way the plan's JMeter is ended as Ctrl-C
 * ends it, no further plan starts, and the run tears down and files its reports as after a normal end.
 */
final class RunInterruption {

    /** The longest a signal waits for the reports to be filed: the dashboards of long runs take a while. */
    static final Duration FILING_LIMIT = Duration.ofMinutes(10);

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicReference<JMeterProcess> running = new AtomicReference<>();
    private final CountDownLatch filed = new CountDownLatch(1);
    private volatile boolean shuttingDown;

    private RunInterruption() {
    }

    /** An interruption nothing but {@link #stop} triggers: a run inside another program (a test). */
    static RunInterruption byCallOnly() {
        return new RunInterruption();
    }

    /** Listens for a signal to this JVM and for the end of {@code build}, the process that started the run. */
    static RunInterruption install(ProcessHandle build) {
        RunInterruption interruption = new RunInterruption();
        Runtime.getRuntime().addShutdownHook(new Thread(interruption::onSignal, "orderflow-run-interrupted"));
        build.onExit().thenRun(() -> interruption.stop("the build that started the run (pid " + build.pid()
                + ") ended before it"));
        return interruption;
    }

    private void onSignal() {
        if (filed.getCount() == 0) {
            return; // the run ended on its own and exits with its status
        }
        shuttingDown = true;
        stop("the build was ended (Ctrl-C or SIGTERM)");
        try {
            if (!filed.await(FILING_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("orderflow: the reports were not filed within " + FILING_LIMIT.toMinutes()
                        + " min of the signal; ending without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the run: the plan's JMeter gets SIGTERM (a terminal's Ctrl-C has sent it SIGINT already). */
    void stop(String why) {
        if (reason.compareAndSet(null, why)) {
            System.out.println("orderflow: stopping the run: " + why + "; filing what was collected");
        }
        JMeterProcess jmeter = running.get();
        if (jmeter != null) {
            jmeter.requestStop();
        }
    }

    /** Why the run was stopped early, or null. */
    String reason() {
        return reason.get();
    }

    /** The plan's JMeter, which {@link #stop} ends; a JMeter started after the stop is ended at once. */
    void running(JMeterProcess jmeter) {
        running.set(jmeter);
        if (jmeter != null && reason.get() != null) {
            jmeter.requestStop();
        }
    }

    /** The reports are filed: a signal's hook may let the JVM end. */
    void filed() {
        filed.countDown();
    }

    /** True once a signal is ending the JVM: then nothing may call System.exit, which would wait for the hook. */
    boolean shuttingDown() {
        return shuttingDown;
    }
}
