package dev.orderflow.jmeter.threads.shape;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a piece of a user's shape script on a thread of its own and waits for it at most a time limit, so that a
 * script that loops or blocks cannot hang the start of a test, the run's starter or the editor's preview.
 *
 * <p>On time-out the script's thread is interrupted; shape scripts are compiled with Groovy's
 * {@code ThreadInterrupt} checks in every loop and method, so a looping script ends there. What the script was
 * running at that moment is kept, so the error can name its line. A script stuck in a call that ignores interrupts
 * keeps its (daemon) thread; the test fails all the same.
 */
final class TimeBoundCall {

    /** Thrown when the call did not return in time. */
    static final class TimedOut extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient StackTraceElement[] stackAtTimeOut;

        TimedOut(StackTraceElement[] stackAtTimeOut) {
            super("did not return in time", null, false, false);
            this.stackAtTimeOut = stackAtTimeOut;
        }

        /** Where the call's thread was when the limit passed. */
        StackTraceElement[] stackAtTimeOut() {
            return stackAtTimeOut.clone();
        }
    }

    private TimeBoundCall() {
    }

    /**
     * Calls {@code work} on a new daemon thread named {@code threadName} and returns its result.
     *
     * @throws TimedOut when it did not return within {@code limit}
     * @throws RuntimeException what the work threw, unchanged
     */
    static <T> T within(Duration limit, String threadName, Callable<T> work) throws TimedOut, InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) { // NOSONAR handed back to the caller, whatever it is
                failure.set(t);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        worker.join(Math.max(1, limit.toMillis()));
        if (worker.isAlive()) {
            StackTraceElement[] stack = worker.getStackTrace();
            worker.interrupt();
            throw new TimedOut(stack);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        return result.get();
    }
}
