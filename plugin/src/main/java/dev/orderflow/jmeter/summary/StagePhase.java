package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;

/**
 * The ramp or the plateau of one stage of a staged or scripted run, and what happened in it.
 *
 * @param stage the stage's number, from 1
 * @param users the users the stage asked for (cluster total)
 * @param ramp true for the ramp towards the stage's users, false for the plateau that holds them
 * @param fromSeconds the phase's start, seconds after the run's start
 * @param untilSeconds its end
 * @param span the samples that ended in it
 */
public record StagePhase(int stage, int users, boolean ramp, double fromSeconds, double untilSeconds,
        RunTimeline.Span span) {

    public double seconds() {
        return Math.max(0, untilSeconds - fromSeconds);
    }

    /** Samples per second over the phase. */
    public double requestsPerSecond() {
        return seconds() == 0 ? 0 : span.samples() / seconds();
    }

    /** Orders created per second over the phase. */
    public double ordersPerSecond() {
        return seconds() == 0 ? 0 : span.ordersCreated() / seconds();
    }

    /**
     * The phases of the first orderflow group that followed more than one stage, timed from its earliest start on
     * any engine (the engines of a distributed run follow the same stages); empty for a single-stage shape.
     */
    static List<StagePhase> of(List<GroupLoad> loads, RunTimeline timeline) {
        GroupLoad staged = loads.stream().filter(load -> load.stages().size() > 1 && load.startEpochMs() > 0)
                .findFirst().orElse(null);
        if (staged == null) {
            return List.of();
        }
        long start = loads.stream().filter(load -> load.group().equals(staged.group()) && load.startEpochMs() > 0)
                .map(GroupLoad::startEpochMs).min(Comparator.naturalOrder()).orElse(staged.startEpochMs());
        // the engine whose account has the most stages saw the whole shape (one stopped early saw fewer)
        GroupLoad fullest = loads.stream().filter(load -> load.group().equals(staged.group()))
                .max(Comparator.comparingInt(load -> load.stages().size())).orElse(staged);
        List<StagePhase> phases = new ArrayList<>();
        int number = 0;
        for (PlannedStage stage : fullest.stages()) {
            number++;
            if (stage.rampEndSeconds() > stage.fromSeconds()) {
                phases.add(phase(number, stage, true, stage.fromSeconds(), stage.rampEndSeconds(), start, timeline));
            }
            if (stage.hasPlateau()) {
                phases.add(phase(number, stage, false, stage.rampEndSeconds(), stage.untilSeconds(), start, timeline));
            }
        }
        return phases;
    }

    private static StagePhase phase(int number, PlannedStage stage, boolean ramp, double from, double until, long start,
            RunTimeline timeline) {
        RunTimeline.Span span = timeline.span(start + Math.round(from * 1000), start + Math.round(until * 1000));
        return new StagePhase(number, stage.users(), ramp, from, until, span);
    }
}
