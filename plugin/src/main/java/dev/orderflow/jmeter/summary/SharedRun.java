package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.jmeter.samplers.SampleResult;

/**
 * The state one listener element shares with all its copies for a run.
 *
 * <p>JMeter runs a copy of the element, not the element itself, and in distributed mode the controller
 * runs one copy per engine: each gets {@code testStarted(host)}, that engine's samples and
 * {@code testEnded(host)}. The copies share this object (the element passes it on when cloned), so the
 * run is counted once for the whole cluster and summarised once, when the last engine has ended. The GUI
 * reads the live counts from here too.
 */
final class SharedRun {

    private final Set<String> activeHosts = new HashSet<>();
    private final Set<String> endedHosts = new HashSet<>();
    private final List<EngineLoss> losses = new ArrayList<>();
    private EngineWatch watch;
    /** The watch was started by the controller starting its engines, before any of them joined the run. */
    private boolean watchBeforeStart;
    /** The engines the controller starts, or empty when it is not known (or the run is local). */
    private List<String> cluster = List.of();
    /**
     * Keeps the controller's JVM up until the run is summarised: when an engine fails to start, JMeter ends the RMI
     * thread that kept it up, and the JVM would end with 0 while the other engines still run.
     */
    private Thread keeper;
    private Interruption interruption;
    private final Map<String, Integer> engineOfHost = new ConcurrentHashMap<>();
    private boolean running;
    private StartedRun current;
    private volatile RunRecorder liveRecorder;
    private volatile RunSummary lastSummary;

    /**
     * A host (an engine, or this JVM) joins the run, starting it when it is the first.
     *
     * @param starter reads the settings and the shop's statistics; what it throws leaves nothing changed
     * @return false when this host already takes part through another element sharing this state (a pasted
     *         copy of the element in the same plan), which must then keep its own
     */
    synchronized boolean join(String host, Supplier<StartedRun> starter) {
        if (activeHosts.contains(host)) {
            return false;
        }
        if (!running || endedHosts.contains(host)) {
            // a host that ended and starts again means a new run (the old one lost an engine on the way)
            StartedRun started = starter.get();
            activeHosts.clear();
            endedHosts.clear();
            losses.clear();
            if (watchBeforeStart) {
                watchBeforeStart = false; // the engines of this very run, watched from their start
            } else {
                stopWatching();
                cluster = List.of();
            }
            current = started;
            liveRecorder = started.recorder();
            lastSummary = null;
            running = true;
        }
        activeHosts.add(host);
        if (watch != null) {
            watch.started(host);
        }
        return true;
    }

    /**
     * The controller of a distributed run is starting its engines (before any has joined): from now on each must
     * start its part of the run in time and keep answering, or it is lost, so that an engine that dies or hangs
     * before its part starts cannot keep the controller waiting forever. Only the first call of a run counts.
     *
     * @param engines the engines the controller starts, as JMeter names them in testStarted(host)
     * @param loss    told when one of them is lost
     */
    synchronized void expectEngines(List<String> engines, EngineWatch.Loss loss) {
        if (running || watch != null || engines.isEmpty()) {
            return;
        }
        cluster = List.copyOf(engines);
        watch = EngineWatch.started(loss);
        watchBeforeStart = true;
        engines.forEach(watch::awaitStart);
        keeper = new Thread(() -> {
            try {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the run is summarised: the JVM may end
            }
        }, "orderflow-controller-until-summarised");
        keeper.setDaemon(false);
        keeper.start();
    }

    /** Whether the host takes part in the running run, running or ended. */
    synchronized boolean takesPart(String host) {
        return running && (activeHosts.contains(host) || endedHosts.contains(host));
    }

    /** The engines the controller starts, in its -R order, or empty when not known. */
    synchronized List<String> cluster() {
        return cluster;
    }

    /** How many hosts must have ended before the run is over: the engines samples report, or the cluster. */
    synchronized int hostsExpected() {
        return Math.max(enginesSeen(), cluster.size());
    }

    void record(SampleResult sample) {
        RunRecorder recorder = liveRecorder;
        if (recorder != null) {
            recorder.record(sample);
        }
    }

    /**
     * A host leaves the run.
     *
     * @param expectedHosts how many hosts must have ended before the run is over
     * @return the run to summarise when this was the last host to end it, otherwise null
     */
    synchronized EndedRun leave(String host, int expectedHosts) {
        if (!activeHosts.remove(host)) {
            return null;
        }
        endedHosts.add(host);
        if (watch != null) {
            watch.forget(host);
        }
        return endedIfLast(expectedHosts);
    }

    /**
     * Watches the engines of this distributed run from now on (the first call starts the watch), so that one
     * that dies or hangs ends its part of the run instead of keeping the controller waiting forever.
     *
     * @param hosts the engines to watch, as JMeter names them in testStarted(host)
     * @param loss told when one of them is lost
     */
    synchronized void watchEngines(List<String> hosts, EngineWatch.Loss loss) {
        if (!running) {
            return;
        }
        if (watch == null) {
            watch = EngineWatch.started(loss);
        }
        for (String host : hosts) {
            if (!endedHosts.contains(host)) {
                watch.watch(host);
            }
        }
    }

    /**
     * An engine is lost: it counts as ended, and the run remembers it for its verdict.
     *
     * @param expectedHosts how many hosts must have ended before the run is over
     * @return the run to summarise when no other host is still running, otherwise null
     */
    synchronized EndedRun lose(EngineLoss loss, int expectedHosts) {
        if (!running || endedHosts.contains(loss.host())) {
            return null;
        }
        activeHosts.remove(loss.host());
        endedHosts.add(loss.host());
        losses.add(loss);
        return endedIfLast(expectedHosts);
    }

    private EndedRun endedIfLast(int expectedHosts) {
        if (!activeHosts.isEmpty() || endedHosts.size() < expectedHosts) {
            return null;
        }
        running = false;
        stopWatching();
        return new EndedRun(current, endedHosts.size(), List.copyOf(losses), 0);
    }

    /**
     * JMeter is being ended before the run did (Ctrl-C, SIGTERM): the run ends here with what it collected.
     *
     * @return the run to summarise, or null when it was not running
     */
    synchronized EndedRun interrupt(long atMs) {
        if (!running) {
            return null;
        }
        running = false;
        stopWatching();
        return new EndedRun(current, Math.max(1, activeHosts.size() + endedHosts.size()), List.copyOf(losses), atMs);
    }

    /**
     * Publishes what the running run collected if the JVM ends before the run does (non-GUI runs); the first
     * call for a run registers the hook, which the run's end removes.
     */
    synchronized void publishOnExit(Runnable publishInterrupted) {
        if (running && interruption == null) {
            interruption = Interruption.watch(publishInterrupted);
        }
    }

    /** The run is summarised (or its summary failed): the controller's JVM may end when JMeter is done. */
    synchronized void summarised() {
        if (keeper != null) {
            keeper.interrupt();
            keeper = null;
        }
    }

    private void stopWatching() {
        watchBeforeStart = false;
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (interruption != null) {
            interruption.cancel();
            interruption = null;
        }
    }

    /**
     * A run whose every host has ended, how many hosts took part, the engines lost on the way, and when JMeter
     * was ended before the run (epoch ms), or 0.
     */
    record EndedRun(StartedRun run, int hosts, List<EngineLoss> losses, long interruptedAtMs) {

        /** The failed checks that say how the run ended when it did not end as JMeter ends a run. */
        List<ThresholdResult> endings() {
            List<ThresholdResult> endings = new ArrayList<>();
            if (!losses.isEmpty()) {
                Integer clusterUsers = run.recorder().plannedLoad().users();
                endings.add(EngineLoss.check(
                        losses.stream().map(loss -> loss.knowingClusterUsers(clusterUsers)).toList()));
            }
            if (interruptedAtMs > 0) {
                endings.add(Interruption.check(interruptedAtMs));
            }
            return endings;
        }
    }

    /** Notes which engine number a host's samples carry. */
    void engineIs(String host, int engine) {
        engineOfHost.put(host, engine);
    }

    /** The engine number a host's samples carried, or -1 when none came. */
    int engineOf(String host) {
        return engineOfHost.getOrDefault(host, -1);
    }

    /** The settings of the running or last run, or null before the first. */
    synchronized RunSettings settings() {
        return current == null ? null : current.settings();
    }

    /** The live recorder of the running run, or null before the first. */
    RunRecorder recorder() {
        return liveRecorder;
    }

    /** The highest engine count the running run's samples carry, at least 1. */
    int enginesSeen() {
        RunRecorder recorder = liveRecorder;
        return recorder == null ? 1 : recorder.engines();
    }

    void finished(RunSummary summary) {
        lastSummary = summary;
    }

    /** The counts of the running or last run, for the GUI; empty before the first run. */
    RunCounts liveCounts() {
        RunRecorder recorder = liveRecorder;
        return recorder == null ? RunCounts.EMPTY : recorder.counts();
    }

    /** The summary of the last finished run, or null. */
    RunSummary lastSummary() {
        return lastSummary;
    }
}
