package dev.orderflow.jmeter.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.apache.jmeter.samplers.SampleResult;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * The live counts of one run: fed by every sample of every sampler (ours and any other), from many threads.
 * Samples of different labels share no lock; samples of one label share only striped counters.
 */
public final class RunRecorder {

    static final String UNLABELLED = "(no label)";

    private final OrderFunnel funnel = new OrderFunnel();
    private final Map<String, LatencyRecorder> labels = new ConcurrentHashMap<>();
    private final AtomicInteger labelsSeen = new AtomicInteger();
    private final RunTimeline timeline = new RunTimeline();
    private final LongAdder samples = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAccumulator firstStartMs = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator lastEndMs = new LongAccumulator(Math::max, 0);
    private final LongAccumulator engines = new LongAccumulator(Math::max, 1);
    private final ConcurrentLinkedQueue<GroupLoad> loads = new ConcurrentLinkedQueue<>();
    /** The user numbers seen per engine: what an engine lost mid-run carried. */
    private final Map<Integer, Set<Integer>> usersByEngine = new ConcurrentHashMap<>();
    private volatile boolean fromOrderFlowGroup;
    private final SilenceTracker silence = new SilenceTracker();

    /** The load the thread groups planned, as far as their load reports have come in. */
    PlannedLoad plannedLoad() {
        return PlannedLoad.of(List.copyOf(loads));
    }

    public void record(SampleResult sample) {
        if (sample instanceof LoadPlanNotice) {
            return; // the plan a thread group starts to follow: for the live view, no request
        }
        if (sample instanceof LoadReport report) {
            // a thread group's account of its load, not a request: it counts in no label and no rate
            loads.add(report.load());
            return;
        }
        String label = sample.getSampleLabel() == null || sample.getSampleLabel().isEmpty()
                ? UNLABELLED : sample.getSampleLabel();
        labelRecorder(label).record(sample.getTime(), sample.isSuccessful());
        timeline.record(sample);
        samples.increment();
        if (!sample.isSuccessful()) {
            errors.increment();
        }
        if (sample.getStartTime() > 0 && sample.getEndTime() > 0) {
            firstStartMs.accumulate(sample.getStartTime());
            lastEndMs.accumulate(sample.getEndTime());
        }
        if (sample instanceof OrderFlowSampleResult flow) {
            silence.record(flow);
            funnel.record(flow);
            engines.accumulate(flow.getEngineCount());
            if (flow.getUserNumber() >= 0) {
                usersOn(flow.getEngine()).add(flow.getUserNumber());
            }
            if (flow.isFromOrderFlowGroup() && !fromOrderFlowGroup) {
                fromOrderFlowGroup = true;
            }
        }
    }

    private LatencyRecorder labelRecorder(String label) {
        LatencyRecorder recorder = labels.get(label); // the common case takes no lock at all
        if (recorder == null) {
            recorder = labels.computeIfAbsent(label, l -> new LatencyRecorder(l, labelsSeen.getAndIncrement()));
        }
        return recorder;
    }

    private Set<Integer> usersOn(int engine) {
        Set<Integer> users = usersByEngine.get(engine); // the common case takes no lock at all
        return users != null ? users : usersByEngine.computeIfAbsent(engine, e -> ConcurrentHashMap.newKeySet());
    }

    /** How many distinct virtual users took order-flow samples on an engine (0 … engines − 1). */
    public int usersSeenOn(int engine) {
        Set<Integer> users = usersByEngine.get(engine);
        return users == null ? 0 : users.size();
    }

    /** The run second by second. */
    public RunTimeline timeline() {
        return timeline;
    }

    /** Every label's response times over the whole run and since the last call, for the live view. */
    public List<LabelWindow> windows() {
        List<LatencyRecorder> recorders = new ArrayList<>(labels.values());
        recorders.sort(Comparator.comparingInt(LatencyRecorder::firstSeen));
        return recorders.stream().map(LatencyRecorder::window).toList();
    }

    /** The highest engine count the order-flow samples carry so far, at least 1. */
    public int engines() {
        return (int) engines.get();
    }

    public RunCounts counts() {
        List<LatencyRecorder> recorders = new ArrayList<>(labels.values());
        recorders.sort(Comparator.comparingInt(LatencyRecorder::firstSeen));
        List<LabelStats> stats = recorders.stream().map(LatencyRecorder::stats).toList();
        long n = samples.sum();
        long first = firstStartMs.get();
        List<GroupLoad> reported = List.copyOf(loads);
        return new RunCounts(funnel.counts(), stats, n, errors.sum(), first == Long.MAX_VALUE ? 0 : first,
                lastEndMs.get(), engines(), reported, fromOrderFlowGroup, silence.silence(),
                StagePhase.of(reported, timeline));
    }
}
