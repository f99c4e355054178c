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
            stopWatching();
            current = started;
            liveRecorder = started.recorder();
            lastSummary = null;
            running = true;
        }
        activeHosts.add(host);
        return true;
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

    private void stopWatching() {
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
                endings.add(EngineLoss.check(losses.stream().map(loss -> loss.knowingClusterUsers(clusterUsers)).toList()));
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
