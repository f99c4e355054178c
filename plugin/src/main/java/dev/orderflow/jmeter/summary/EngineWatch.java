package dev.orderflow.jmeter.summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.jmeter.util.JMeterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the engines of a distributed run from the controller, which JMeter 5.6.3 does not: its controller
 * waits for every engine's "test ended" call, so an engine killed mid-run keeps it waiting forever.
 *
 * <p>Every {@link #PERIOD} each watched engine is asked whether it is there ({@link Probe}); an engine that has not
 * answered for {@link #LOST_AFTER} is lost: it is no longer watched and the {@link Loss} callback is told once.
 * A probe still under way is not asked again, so an engine that hangs instead of refusing costs one blocked
 * (daemon) thread, and the time since its last answer decides all the same. An engine that ended its part of
 * the run normally is {@link #forget forgotten}: it may be shut down afterwards.
 *
 * <p>An engine the controller is starting is {@link #awaitStart awaited}: one that has not {@link #started started}
 * its part of the run within {@link #START_LIMIT} is lost too, even though it answers (its start failed on the
 * controller's side, and JMeter would wait for its end forever).
 */
final class EngineWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineWatch.class);

    static final Duration PERIOD = Duration.ofSeconds(2);
    /** Long enough for a garbage collection pause of a loaded engine, short enough to end a run within 30 s. */
    static final Duration LOST_AFTER = Duration.ofSeconds(15);
    /** JMeter property (seconds) that gives engines longer (a slow network) or shorter than {@link #LOST_AFTER}. */
    static final String LOST_AFTER_PROPERTY = "orderflow.engine_lost_after";
    /**
     * The controller starts its engines one after another; one that hangs holds the next ones up to the RMI
     * response timeout the build gives the controller (20 s), so a start is given longer than that.
     */
    static final Duration START_LIMIT = Duration.ofSeconds(60);

    /** Asks one engine; returns when it answered, throws when it did not. */
    interface Probe {
        void ask(String hostAndPort) throws Exception;
    }

    /** Told once per lost engine, on the watch's thread. */
    interface Loss {
        void lost(String host, long lastAnswerMs, long lostAtMs, String cause);
    }

    private final Probe probe;
    private final Loss loss;
    private final LongSupplier clock;
    private final Executor probes;
    private final long lostAfterMs;
    private final long startLimitMs;
    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService ownProbes;

    EngineWatch(Probe probe, Loss loss, LongSupplier clock, Executor probes, Duration lostAfter) {
        this(probe, loss, clock, probes, lostAfter, START_LIMIT);
    }

    EngineWatch(Probe probe, Loss loss, LongSupplier clock, Executor probes, Duration lostAfter, Duration startLimit) {
        this.probe = probe;
        this.loss = loss;
        this.clock = clock;
        this.probes = probes;
        this.lostAfterMs = lostAfter.toMillis();
        this.startLimitMs = startLimit.toMillis();
    }

    /** A watch over real engines, ticking on a daemon thread of its own until closed. */
    static EngineWatch started(Loss loss) {
        ExecutorService probeThreads = Executors.newCachedThreadPool(daemon("orderflow-engine-probe"));
        EngineWatch watch = new EngineWatch(new EngineProbe(), loss, System::currentTimeMillis, probeThreads,
                lostAfter(JMeterUtils.getProperty(LOST_AFTER_PROPERTY)));
        watch.ownProbes = probeThreads;
        watch.ticker = Executors.newSingleThreadScheduledExecutor(daemon("orderflow-engine-watch"));
        watch.ticker.scheduleWithFixedDelay(watch::tick, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /**
     * How long an engine may go without answering: {@value #LOST_AFTER_PROPERTY} seconds when given as a positive
     * number, else {@link #LOST_AFTER}; a value that is not one is said on the console and in the log.
     */
    static Duration lostAfter(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return LOST_AFTER;
        }
        try {
            double value = Double.parseDouble(seconds.trim());
            if (value > 0 && value < 86_400) {
                return Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        String warning = "Order summary: " + LOST_AFTER_PROPERTY + "=" + seconds + " is not a number of seconds"
                + " between 0 and 86400: an engine is lost after " + LOST_AFTER.toSeconds() + " s without an answer";
        log.warn(warning);
        System.out.println(warning); // NOSONAR the console is where a non-GUI user looks
        return LOST_AFTER;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts watching an engine, counting from now; an engine already watched keeps its state. */
    synchronized void watch(String host) {
        watched.computeIfAbsent(host, h -> new Watched(clock.getAsLong()));
    }

    /** Starts watching an engine the controller is starting: it must start its part of the run in time. */
    synchronized void awaitStart(String host) {
        Watched state = watched.computeIfAbsent(host, h -> new Watched(clock.getAsLong()));
        if (!state.started) {
            state.mustStartByMs = Math.min(state.mustStartByMs, clock.getAsLong() + startLimitMs);
        }
    }

    /** The engine started its part of the run. */
    synchronized void started(String host) {
        Watched state = watched.get(host);
        if (state != null) {
            state.started = true;
            state.mustStartByMs = Long.MAX_VALUE;
        }
    }

    /** Stops watching an engine that ended its part of the run. */
    synchronized void forget(String host) {
        watched.remove(host);
    }

    /** One round: asks every engine that has no question open, and gives up on those silent for too long. */
    void tick() {
        List<Runnable> asks = new ArrayList<>();
        List<Runnable> lost = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            for (var iterator = watched.entrySet().iterator(); iterator.hasNext(); ) {
                var entry = iterator.next();
                String host = entry.getKey();
                Watched state = entry.getValue();
                if (now - state.lastAnswerMs >= lostAfterMs) {
                    iterator.remove();
                    String cause = state.asking
                            ? "its RMI registry did not answer within " + (now - state.askedMs) / 1000 + " s"
                            : state.cause;
                    lost.add(() -> loss.lost(host, state.lastAnswerMs, now, cause));
                } else if (now >= state.mustStartByMs) {
                    iterator.remove();
                    lost.add(() -> loss.lost(host, state.lastAnswerMs, now, "it answers, but did not start its part of"
                            + " the run within " + startLimitMs / 1000 + " s of the controller starting it"));
                } else if (!state.asking) {
                    state.asking = true;
                    state.askedMs = now;
                    asks.add(() -> ask(host, state));
                }
            }
        }
        lost.forEach(Runnable::run);
        asks.forEach(probes::execute);
    }

    private void ask(String host, Watched state) {
        String cause = null;
        try {
            probe.ask(host);
        } catch (Exception e) {
            cause = e.getMessage() == null ? e.toString() : e.getMessage();
            // RMI wraps the reason ("Connection refused") one or two levels down
            for (Throwable inner = e.getCause(); inner != null; inner = inner.getCause()) {
                cause = inner.getMessage() == null ? cause : inner.getMessage();
            }
        }
        synchronized (this) {
            state.asking = false;
            if (cause == null) {
                state.lastAnswerMs = clock.getAsLong();
                state.cause = null;
            } else {
                state.cause = cause;
            }
        }
    }

    /** Stops watching; a loss that ends the run calls it on the watch's own thread, which it must not interrupt. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdown(); // cancels the periodic round; the one under way, if any, is the caller
        }
        if (ownProbes != null) {
            ownProbes.shutdownNow();
        }
        synchronized (this) {
            watched.clear();
        }
    }

    private static final class Watched {
        long lastAnswerMs;
        long askedMs;
        boolean asking;
        boolean started;
        long mustStartByMs = Long.MAX_VALUE;
        String cause = "no answer yet";

        Watched(long since) {
            lastAnswerMs = since;
        }
    }
}
