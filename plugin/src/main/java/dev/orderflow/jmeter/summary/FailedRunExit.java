package dev.orderflow.jmeter.summary;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Ends a non-GUI JMeter with exit status 1 after a failed verdict, without cutting anything short.
 *
 * <p>JMeter 5.6.3 exits 0 whatever its listeners find, and a listener's testEnded runs before the ones
 * JMeter adds itself: the {@code -l} results file is closed and the {@code -e} HTML report generated after it,
 * and in distributed mode the controller waits for its engines after that. So nothing may call
 * {@code System.exit} from testEnded. Instead this starts one non-daemon thread that waits (joins, never
 * polls) until every other non-daemon thread has ended — the moment the JVM would have exited by itself with 0 —
 * and then exits with 1, running the shutdown hooks as usual.
 */
public final class FailedRunExit {

    static final String THREAD_NAME = "orderflow-failed-run-exit";
    /** The JVM's own thread that waits for the last non-daemon thread: waiting for it would wait forever. */
    private static final String JVM_EXIT_THREAD = "DestroyJavaVM";

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    /** JMeter's controller waits as long for its listeners to close files before it tidies up a distributed run. */
    static final Duration LOST_ENGINE_GRACE = Duration.ofSeconds(5);

    private FailedRunExit() {
    }

    /**
     * Arms the exit for this JVM, once; later calls do nothing.
     *
     * @param reason printed on the console right before the exit, after everything JMeter printed
     */
    public static void armForThisJvm(String reason) {
        if (ARMED.compareAndSet(false, true)) {
            start(FailedRunExit::isOtherNonDaemonThread, status -> {
                System.out.println(reason + ": exit status " + status); // NOSONAR the console is the user's
                System.exit(status); // NOSONAR ending the JVM is the point: JMeter has finished everything
            });
        }
    }

    /**
     * Ends this JVM after a run that lost an engine, once: JMeter's controller still waits for that engine's
     * "test ended" call, which never comes, so waiting for JMeter's threads would wait forever. It waits
     * {@link #LOST_ENGINE_GRACE} first, as JMeter's own end of a distributed run does, so that the surviving
     * engines' last calls to the other listeners land; the results file is closed by JMeter's shutdown hook.
     *
     * @param reason printed on the console right before the exit
     * @param status the exit status: 1, or 0 when the run asked to keep 0 after a failed verdict
     */
    public static void afterLostEngine(String reason, int status) {
        if (ARMED.compareAndSet(false, true)) {
            Thread waiter = new Thread(() -> {
                try {
                    Thread.sleep(LOST_ENGINE_GRACE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // someone wants this JVM down now: exit at once
                }
                System.out.println(reason + ": exit status " + status); // NOSONAR the console is the user's
                System.exit(status); // NOSONAR nothing else would ever end this JVM
            }, THREAD_NAME);
            waiter.setDaemon(false);
            waiter.start();
        }
    }

    /**
     * Starts the waiting thread.
     *
     * @param watched the threads to outlive
     * @param exit what ends the JVM with the given status
     */
    static Thread start(Predicate<Thread> watched, IntConsumer exit) {
        Thread waiter = new Thread(() -> exitAfter(watched, exit), THREAD_NAME);
        waiter.setDaemon(false);
        waiter.start();
        return waiter;
    }

    private static void exitAfter(Predicate<Thread> watched, IntConsumer exit) {
        try {
            // two empty looks in a row: a thread that starts another just as it ends can hide both from one look
            int emptyLooks = 0;
            while (emptyLooks < 2) {
                Set<Thread> others = running(watched);
                emptyLooks = others.isEmpty() ? emptyLooks + 1 : 0;
                for (Thread other : others) {
                    other.join();
                }
            }
        } catch (InterruptedException e) {
            // someone wants this JVM down now: the run still failed, so exit with 1 at once
            Thread.currentThread().interrupt();
        }
        exit.accept(1);
    }

    /**
     * The watched threads alive at one moment. None is dropped for having ended since: joining it costs nothing,
     * and only a look after that join sees a thread it started just before it ended. Thread groups are asked
     * too: on Java 17 they list a starting thread before the JVM's own list does.
     */
    private static Set<Thread> running(Predicate<Thread> watched) {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] listed = new Thread[root.activeCount() + 16];
        int count = root.enumerate(listed, true);
        threads.addAll(Arrays.asList(listed).subList(0, count));
        Thread self = Thread.currentThread();
        threads.removeIf(thread -> thread == self || !watched.test(thread));
        return threads;
    }

    private static boolean isOtherNonDaemonThread(Thread thread) {
        return !thread.isDaemon() && !JVM_EXIT_THREAD.equals(thread.getName());
    }
}
