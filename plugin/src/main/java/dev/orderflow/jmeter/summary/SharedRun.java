package dev.orderflow.jmeter.summary;

import java.util.HashSet;
import java.util.Set;
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
        if (!activeHosts.isEmpty() || endedHosts.size() < expectedHosts) {
            return null;
        }
        running = false;
        return new EndedRun(current, endedHosts.size());
    }

    /** A run whose every host has ended, and how many hosts took part. */
    record EndedRun(StartedRun run, int hosts) {
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
