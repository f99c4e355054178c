package dev.orderflow.testplans.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes the build started: politely first (SIGTERM), then forcibly. */
final class Processes {

    private static final long GRACE_SECONDS = 15;

    private Processes() {
    }

    static void stop(ProcessHandle process, String what) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println(what + " did not stop within " + GRACE_SECONDS + " s: killing it");
            process.destroyForcibly();
            awaitQuietly(process);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + what + " to stop", e);
        }
    }

    /** Waits for a process asked to stop; ends it when it takes longer than the grace period. */
    static void awaitExit(ProcessHandle process, String what) throws InterruptedException {
        try {
            process.onExit().get(GRACE_SECONDS * 2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println(what + " did not stop when asked: stopping it");
            stop(process, what);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + what + " to stop", e);
        }
    }

    private static void awaitQuietly(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("process " + process.pid() + " is still running: " + e);
        }
    }
}
