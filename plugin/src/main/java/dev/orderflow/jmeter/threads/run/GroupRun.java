package dev.orderflow.jmeter.threads.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.apache.jmeter.threads.JMeterThread;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.threads.cluster.EngineShare;
import dev.orderflow.jmeter.threads.plan.LoadPlan;
import dev.orderflow.jmeter.threads.shape.Durations;
import dev.orderflow.jmeter.threads.shape.ShapeDefinitionException;
import dev.orderflow.jmeter.threads.shape.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an orderflow thread group on one engine: a starter thread follows the plan, starting users at
 * the spawn rate and retiring surplus ones, and every user runs on its own thread until it ends, is retired,
 * or is stopped. It only runs: what to run was decided by the parser and the plan.
 *
 * <p>All bookkeeping is guarded by one lock. The starter sleeps on a condition until the next user is due,
 * the plan may change, or a user ends; waiting for the end is waiting on another condition, never polling.
 */
public final class GroupRun {

    private static final Logger log = LoggerFactory.getLogger(GroupRun.class);

    /** Makes a new user's JMeter thread: a clone of the group's tree, its identity in its variables. */
    @FunctionalInterface
    public interface UserFactory {
        NewUser create(int userNumber);
    }

    /** A user's JMeter thread and the main controller of its cloned tree. */
    public record NewUser(JMeterThread jmeterThread, UserLoop loop) {
    }

    private final String groupName;
    private final LoadPlan plan;
    private final EngineShare share;
    private final OptionalInt iterations;
    private final Duration stopGrace;
    private final UserFactory factory;
    private final UserThreads threads;
    private final LongSupplier clock;
    private final Runnable stopWholeTest;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the starter may have something to do: a user ended, or a stop was asked for. */
    private final Condition changed = lock.newCondition();
    /** Signalled when a user ends or the starter ends. */
    private final Condition ended = lock.newCondition();

    // Guarded by lock.
    private final SlotPool slots = new SlotPool();
    private final Map<JMeterThread, RunningUser> alive = new HashMap<>();
    /** Alive users that are not retiring, by slot: the users the plan counts. */
    private final TreeMap<Integer, RunningUser> active = new TreeMap<>();
    private final TreeMap<Integer, RunningUser> retiring = new TreeMap<>();
    private boolean stopping;
    private boolean starterEnded;
    private int started;
    private int extraUsers;
    /**
     * Looping users that ended without being retired: JMeter ended them because their next pause would outlast
     * the planned end, or a sample or a person stopped them. They are not replaced: a replacement would be the
     * same virtual user logging in again (at the end of a run, a burst of logins nobody planned). They hold
     * their place until the shape wants fewer users than are running.
     */
    private int endedOnTheirOwn;
    /** Users with an iteration count that ran all their iterations (the others were stopped first). */
    private int finishedIterations;
    private long events;
    /** The shape asked for no more users, or its users ended after their iterations: the plan is done. */
    private boolean shapeEnded;
    /** Why the run ended before its shape did; the first reason is the one that counts. */
    private String stopReason;
    /** This engine's share of the most users the shape asked for so far. */
    private int peakWanted;
    /** The most users of the plan running at once so far (for users with iterations: started). */
    private int peakReached;
    private long endNanos;

    /** Used by the starter thread only. */
    private final SpawnPacer pacer = new SpawnPacer();
    private long nextProgressReport;
    private boolean ramping;
    private Thread starter;
    private long startNanos;
    private long plannedEndMillis;
    private volatile long startEpochMs;
    /** Guarded by the lock: the stages the shape asked for so far, for the load report. */
    private final StageLog stageLog = new StageLog();

    public GroupRun(String groupName, LoadPlan plan, EngineShare share, OptionalInt iterations, Duration stopGrace,
             UserFactory factory, UserThreads threads, LongSupplier clock, Runnable stopWholeTest) {
        this.groupName = groupName;
        this.plan = plan;
        this.share = share;
        this.iterations = iterations;
        this.stopGrace = stopGrace;
        this.factory = factory;
        this.threads = threads;
        this.clock = clock;
        this.stopWholeTest = stopWholeTest;
    }

    /** Starts following the plan now. */
    public void start() {
        startNanos = clock.getAsLong();
        startEpochMs = System.currentTimeMillis();
        // JMeter threads know the planned end too: they then cut think times short instead of sleeping past it.
        plannedEndMillis = plan.plannedEnd().map(d -> System.currentTimeMillis() + d.toMillis()).orElse(0L);
        starter = new Thread(this::runStarter, "orderflow-starter-" + groupName);
        starter.setDaemon(true);
        starter.start();
    }

    /** Graceful stop: no more users start; every user finishes its current sample and ends. */
    public void stop() {
        stoppedBeforeTheEnd("the test was stopped (by a person, a sampler's error action or another element)");
        for (RunningUser user : stopStarting()) {
            user.stopGracefully();
        }
    }

    /** Hard stop: no more users start; every user is stopped and interrupted. */
    public void stopNow() {
        stoppedBeforeTheEnd("the test was stopped at once (by a person, a sampler's error action or another element)");
        for (RunningUser user : stopStarting()) {
            user.stopNow();
        }
    }

    /** Waits until the starter and every user have ended. */
    public void awaitEnd() throws InterruptedException {
        lock.lock();
        try {
            while (!starterEnded || !alive.isEmpty()) {
                ended.await();
            }
        } finally {
            lock.unlock();
        }
        starter.join();
    }

    /** Waits at most {@code timeout} for the starter and every user to end; true if they all did. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!starterEnded || !alive.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = ended.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
        starter.join();
        return true;
    }

    /**
     * What this run did against what its shape planned, for the load report; meant for after {@link #awaitEnd()},
     * but consistent at any moment.
     */
    public GroupLoad load() {
        lock.lock();
        try {
            long end = starterEnded && alive.isEmpty() && endNanos != 0 ? endNanos : clock.getAsLong();
            double seconds = Durations.toSeconds(Duration.ofNanos(end - startNanos));
            return new GroupLoad(groupName, share.engine(), share.engines(), peakWanted, peakReached,
                    shapeEnded && stopReason == null, stopReason, seconds, startEpochMs, stageLog.stages(seconds),
                    iterations.orElse(0), finishedIterations);
        } finally {
            lock.unlock();
        }
    }

    /** Records why the run ends before its shape did, unless the shape already ended or a reason is known. */
    private void stoppedBeforeTheEnd(String reason) {
        lock.lock();
        try {
            if (!shapeEnded && stopReason == null) {
                stopReason = reason + " at " + seconds(Duration.ofNanos(clock.getAsLong() - startNanos)) + " s";
            }
        } finally {
            lock.unlock();
        }
    }

    /** Users whose thread has started and not yet ended. */
    public int aliveUsers() {
        lock.lock();
        try {
            return alive.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the user of that thread name, interrupting it when {@code now}; false if there is none. */
    public boolean stopUser(String threadName, boolean now) {
        RunningUser found = null;
        lock.lock();
        try {
            for (RunningUser user : alive.values()) {
                if (user.name().equals(threadName)) {
                    found = user;
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        if (found == null) {
            return false;
        }
        if (now) {
            found.stopNow();
        } else {
            found.stopGracefully();
        }
        return true;
    }

    /**
     * Starts one user beyond the plan now; it lives until the run stops it. Empty when the run is stopping.
     */
    public Optional<JMeterThread> addUser(int initialDelayMillis) {
        lock.lock();
        try {
            if (stopping) {
                return Optional.empty();
            }
            extraUsers++;
        } finally {
            lock.unlock();
        }
        Optional<RunningUser> user = startUser(initialDelayMillis);
        if (user.isEmpty()) {
            lock.lock();
            try {
                extraUsers--;
            } finally {
                lock.unlock();
            }
        }
        return user.map(u -> u.jmeterThread);
    }

    private List<RunningUser> stopStarting() {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
            return new ArrayList<>(alive.values());
        } finally {
            lock.unlock();
        }
    }

    private void runStarter() {
        try {
            if (followPlan()) {
                lock.lock();
                try {
                    shapeEnded = true;
                } finally {
                    lock.unlock();
                }
                endAsPlanned();
            }
        } catch (RuntimeException | Error e) {
            log.error("OrderFlowThreadGroup '{}': starting users failed, stopping the test", groupName, e);
            stoppedBeforeTheEnd("starting users failed: " + e);
            stop();
            stopWholeTest.run();
            throw e;
        } finally {
            lock.lock();
            try {
                starterEnded = true;
                if (alive.isEmpty()) {
                    endNanos = clock.getAsLong();
                }
                ended.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Starts and retires users as planned; true when the plan ended, false when the run was stopped. */
    private boolean followPlan() {
        while (true) {
            long now = clock.getAsLong();
            Duration elapsed = Duration.ofNanos(now - startNanos);
            Optional<Target> cluster;
            try {
                cluster = plan.targetAt(elapsed);
            } catch (ShapeDefinitionException e) {
                log.error("OrderFlowThreadGroup '{}': {} — stopping the test", groupName, e.getMessage(), e);
                stoppedBeforeTheEnd("the shape failed: " + e.getMessage());
                stop();
                stopWholeTest.run();
                return false;
            }
            SpawnPacer.Step step;
            long seen;
            lock.lock();
            try {
                if (stopping) {
                    return false;
                }
                if (cluster.isEmpty()) {
                    return true;
                }
                stageLog.observe(Durations.toSeconds(elapsed), cluster.get().users(), cluster.get().spawnRate());
                Target mine = share.of(cluster.get());
                peakWanted = Math.max(peakWanted, mine.users());
                int wanted = mine.users() + extraUsers;
                if (iterations.isPresent() && started >= wanted && alive.isEmpty()) {
                    return true;
                }
                if (iterations.isEmpty()) {
                    endedOnTheirOwn = Math.min(endedOnTheirOwn, Math.max(0, wanted - active.size()));
                    keepRetiringUsers(wanted - endedOnTheirOwn);
                }
                // Users with an iteration count end by themselves and are not replaced.
                int current = iterations.isPresent() ? started : active.size() + endedOnTheirOwn;
                step = pacer.step(now, wanted, current, mine.spawnRate());
                for (int i = 0; i < step.retires(); i++) {
                    retireNewest();
                }
                seen = events;
            } finally {
                lock.unlock();
            }
            for (int i = 0; i < step.starts(); i++) {
                if (startUser(0).isEmpty()) {
                    break;
                }
            }
            reportProgress(step);
            long deadline = Math.min(step.wakeAt(), plan.nextChangeAfter(elapsed)
                    .map(change -> startNanos + change.toNanos())
                    .orElse(SpawnPacer.NEVER));
            if (!awaitChange(seen, deadline)) {
                return false;
            }
        }
    }

    /**
     * While users are being started or retired, says once a second how many are running; says when a ramp
     * is done. Operators follow a ramp with it, and it is the group's own count of active users.
     */
    private void reportProgress(SpawnPacer.Step step) {
        boolean changing = step.starts() > 0 || step.retires() > 0;
        boolean done = changing && step.wakeAt() == SpawnPacer.NEVER;
        if (!changing || !log.isInfoEnabled()) {
            return;
        }
        // Now, not when the step was planned: starting its users may have taken a while.
        long now = clock.getAsLong();
        Duration elapsed = Duration.ofNanos(now - startNanos);
        if (done) {
            if (!ramping && step.starts() + step.retires() == 1) {
                return; // one user replaced: not worth a line
            }
            log.info("OrderFlowThreadGroup '{}': at {} s the ramp is done, {} users running",
                    groupName, seconds(elapsed), aliveUsers());
            ramping = false;
        } else if (!ramping || now >= nextProgressReport) {
            log.info("OrderFlowThreadGroup '{}': at {} s {} users running, ramping",
                    groupName, seconds(elapsed), aliveUsers());
            ramping = true;
            nextProgressReport = now + 1_000_000_000L;
        }
    }

    private static String seconds(Duration elapsed) {
        return String.format(java.util.Locale.ROOT, "%.3f", Durations.toSeconds(elapsed));
    }

    /**
     * The shape is over: users finish their current sample; those still busy after the grace period are interrupted.
     */
    private void endAsPlanned() {
        List<RunningUser> users = stopStarting();
        if (users.isEmpty()) {
            log.info("OrderFlowThreadGroup '{}': shape ended, every user has ended", groupName);
            return;
        }
        log.info("OrderFlowThreadGroup '{}': at {} s the shape ended, {} users running finish their current sample"
                        + " (grace period {} s)",
                groupName, seconds(Duration.ofNanos(clock.getAsLong() - startNanos)), users.size(),
                Durations.toSeconds(stopGrace));
        users.forEach(RunningUser::stopGracefully);
        if (!awaitUsersEnded(stopGrace)) {
            List<RunningUser> left;
            lock.lock();
            try {
                left = new ArrayList<>(alive.values());
            } finally {
                lock.unlock();
            }
            log.warn("OrderFlowThreadGroup '{}': {} users still busy after the grace period, interrupting them",
                    groupName, left.size());
            left.forEach(RunningUser::stopNow);
        }
    }

    private boolean awaitUsersEnded(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!alive.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = ended.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until {@code deadline} or until something changed since {@code seen}; false when stopping. */
    private boolean awaitChange(long seen, long deadline) {
        lock.lock();
        try {
            while (!stopping && events == seen) {
                long wait = deadline == SpawnPacer.NEVER ? Long.MAX_VALUE : deadline - clock.getAsLong();
                if (wait <= 0) {
                    return true;
                }
                changed.awaitNanos(wait);
            }
            return !stopping;
        } catch (InterruptedException e) {
            // Nobody interrupts the starter but a JVM shutting down: start nothing more.
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** A stage going up again takes back retirements not yet acted on, before starting anyone new. */
    private void keepRetiringUsers(int wanted) {
        while (active.size() < wanted && !retiring.isEmpty()) {
            Map.Entry<Integer, RunningUser> entry = retiring.pollFirstEntry();
            if (entry.getValue().loop.keep()) {
                active.put(entry.getKey(), entry.getValue());
            }
        }
    }

    /** The user in the highest slot ends at the end of its iteration, keeping the numbers in use low. */
    private void retireNewest() {
        Map.Entry<Integer, RunningUser> entry = active.pollLastEntry();
        if (entry != null && entry.getValue().loop.retire()) {
            retiring.put(entry.getKey(), entry.getValue());
        }
    }

    private Optional<RunningUser> startUser(int initialDelayMillis) {
        int slot;
        lock.lock();
        try {
            if (stopping) {
                return Optional.empty();
            }
            slot = slots.acquire();
        } finally {
            lock.unlock();
        }
        RunningUser user;
        Thread thread;
        try {
            int userNumber = share.userNumber(slot);
            NewUser made = factory.create(userNumber);
            iterations.ifPresent(made.loop()::limitIterations);
            if (plannedEndMillis > 0) {
                made.jmeterThread().setScheduled(true);
                made.jmeterThread().setEndTime(plannedEndMillis);
            }
            made.jmeterThread().setInitialDelay(initialDelayMillis);
            user = new RunningUser(slot, userNumber, made.jmeterThread(), made.loop());
            RunningUser runs = user;
            thread = threads.newThread(() -> runUser(runs), user.name());
            user.attach(thread);
        } catch (RuntimeException | Error e) {
            releaseSlot(slot);
            throw e;
        }
        lock.lock();
        try {
            if (stopping) {
                slots.release(slot);
                return Optional.empty();
            }
            alive.put(user.jmeterThread, user);
            active.put(slot, user);
            started++;
            peakReached = Math.max(peakReached, iterations.isPresent() ? started - extraUsers : active.size());
        } finally {
            lock.unlock();
        }
        try {
            // The moment the group started the user, for whoever looks (JMeterThread.getStartTime()); it is
            // now, so a scheduled JMeter thread does not wait for it.
            user.jmeterThread.setStartTime(System.currentTimeMillis());
            thread.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            // Typically "unable to create native thread": a load that this machine cannot carry.
            userEnded(user);
            log.error("OrderFlowThreadGroup '{}': cannot start {} ({}), stopping the test", groupName, user,
                    e.toString());
            stoppedBeforeTheEnd("this machine cannot start " + user + ": " + e);
            stop();
            stopWholeTest.run();
            return Optional.empty();
        }
        return Optional.of(user);
    }

    private void runUser(RunningUser user) {
        try {
            user.jmeterThread.run();
        } finally {
            userEnded(user);
        }
    }

    private void userEnded(RunningUser user) {
        lock.lock();
        try {
            if (alive.remove(user.jmeterThread) == null) {
                return;
            }
            active.remove(user.slot, user);
            boolean retired = retiring.remove(user.slot, user);
            if (iterations.isEmpty()) {
                if (retired || stopping) {
                    // the shape let the user go: a later stage may start a user in its slot
                    slots.release(user.slot);
                } else {
                    endedOnTheirOwn++;
                }
            }
            // A user that ran its iterations is done, and its number (its login, say) is not handed to a new user.
            if (iterations.isPresent() && user.loop.ranAllItsIterations()) {
                finishedIterations++;
            }
            events++;
            if (starterEnded && alive.isEmpty()) {
                endNanos = clock.getAsLong();
            }
            changed.signalAll();
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void releaseSlot(int slot) {
        lock.lock();
        try {
            slots.release(slot);
        } finally {
            lock.unlock();
        }
    }
}
