package dev.orderflow.jmeter.summary;

import java.util.List;

import dev.orderflow.jmeter.flow.GroupLoad;

/**
 * Everything the listener counted in a run, at one moment.
 *
 * @param funnel the order funnel
 * @param labels response times per sampler label, in the order the labels first appeared
 * @param samples all samples of all labels
 * @param errors the failed ones among them
 * @param firstStartMs the earliest sample start (epoch ms), or 0 without samples
 * @param lastEndMs the latest sample end (epoch ms), or 0 without samples
 * @param engines the number of load machines the samples came from: the highest engine count they carry, at least 1
 * @param loads the load reports of the orderflow thread groups, one per group and engine
 * @param fromOrderFlowGroup whether any order-flow sample came from a user of an orderflow thread group
 * @param shopSilence when the shop stopped answering for the rest of the run, or null when it answered to the end
 * @param stagePhases the ramps and plateaus of a staged or scripted run's stages; empty for a single-stage shape
 */
public record RunCounts(FunnelCounts funnel, List<LabelStats> labels, long samples, long errors, long firstStartMs,
        long lastEndMs, int engines, List<GroupLoad> loads, boolean fromOrderFlowGroup, ShopSilence shopSilence,
        List<StagePhase> stagePhases) {

    public static final RunCounts EMPTY = new RunCounts(FunnelCounts.EMPTY, List.of(), 0, 0, 0, 0, 1);

    public RunCounts {
        labels = List.copyOf(labels);
        loads = List.copyOf(loads);
        stagePhases = List.copyOf(stagePhases);
    }

    /** Counts of a run without stages whose shop answered to the end. */
    public RunCounts(FunnelCounts funnel, List<LabelStats> labels, long samples, long errors, long firstStartMs,
            long lastEndMs, int engines, List<GroupLoad> loads, boolean fromOrderFlowGroup) {
        this(funnel, labels, samples, errors, firstStartMs, lastEndMs, engines, loads, fromOrderFlowGroup, null,
                List.of());
    }

    /** Counts without load reports: what a run under another thread group than orderflow's yields. */
    public RunCounts(FunnelCounts funnel, List<LabelStats> labels, long samples, long errors, long firstStartMs,
            long lastEndMs, int engines) {
        this(funnel, labels, samples, errors, firstStartMs, lastEndMs, engines, List.of(), false);
    }

    /** From the first sample's start to the last sample's end, in seconds. */
    public double durationSeconds() {
        return samples == 0 ? 0 : Math.max(0, lastEndMs - firstStartMs) / 1000.0;
    }

    /** Samples per second over {@link #durationSeconds()}; 0 when the run took no measurable time. */
    public double throughputPerSecond() {
        double seconds = durationSeconds();
        return seconds == 0 ? 0 : samples / seconds;
    }

    /** Failed samples over all samples, in percent; null without samples. */
    public Double errorRatePct() {
        return samples == 0 ? null : 100.0 * errors / samples;
    }
}
