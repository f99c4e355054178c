package dev.orderflow.jmeter.live;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.samplers.SampleResult;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.summary.FunnelCounts;
import dev.orderflow.jmeter.summary.LabelWindow;
import dev.orderflow.jmeter.summary.RunCounts;
import dev.orderflow.jmeter.summary.RunRecorder;
import dev.orderflow.jmeter.summary.RunTimeline;
import dev.orderflow.jmeter.summary.RunningLimits;
import dev.orderflow.jmeter.summary.ThresholdLimits;
import dev.orderflow.jmeter.summary.ThresholdResult;
import dev.orderflow.jmeter.summary.Thresholds;

/**
 * One run as the live view shows it: counts every sample (with the order summary's own recorder), and once a
 * second turns the counts into an event for the browsers, keeping every second's point so that a browser that
 * comes late gets the run from its start.
 */
final class LiveRun {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The host name of this JVM's own engine in a local run. */
    static final String THIS_JVM = "local";

    private final RunRecorder recorder = new RunRecorder();
    private final Map<String, EngineState> engines = new ConcurrentHashMap<>();
    /** The plans the thread groups announced, by group: on a distributed run's controller, the only plan known. */
    private final Map<String, LoadPlanNotice> plans = new ConcurrentHashMap<>();
    private final long startMs = System.currentTimeMillis();
    private final LiveServer server;
    private final ScheduledExecutorService ticker;

    /** Guarded by this: the points of every second so far, and the last state. */
    private final List<ObjectNode> points = new ArrayList<>();
    private ObjectNode state;
    private long lastTickMs = startMs;
    private long lastSamples;
    private long lastErrors;
    private boolean ended;

    LiveRun(LiveViewSettings settings) throws IOException {
        state = state(System.currentTimeMillis(), recorder.counts(), List.of(),
                LivePlan.since(startMs, plans.values()), 0);
        server = new LiveServer(settings, this::catchUp);
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "orderflow-live-view-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    URI uri() {
        return server.uri();
    }

    void joined(String host) {
        engines.computeIfAbsent(host, EngineState::new);
    }

    void left(String host) {
        engines.computeIfAbsent(host, EngineState::new).ended();
    }

    void record(SampleResult sample, String host) {
        if (sample instanceof LoadPlanNotice plan) {
            plans.put(plan.group(), plan);
            return;
        }
        recorder.record(sample);
        EngineState engine = engines.get(host);
        if (engine == null) {
            engine = engines.computeIfAbsent(host, EngineState::new);
        }
        engine.sampled(sample.getEndTime(), sample.getAllThreads());
    }

    /** The last tick, with the run marked ended; the page keeps showing it. */
    void end() {
        ticker.shutdownNow();
        synchronized (this) {
            ended = true;
        }
        tick();
    }

    void close() {
        ticker.shutdownNow();
        server.close();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a figure that cannot be computed this second must not stop the next ones
            LoggerFactory.getLogger(LiveRun.class).warn("Live view: a tick failed", e);
        }
    }

    private synchronized void tick() {
        long now = System.currentTimeMillis();
        RunCounts counts = recorder.counts();
        List<LabelWindow> windows = recorder.windows();
        double seconds = Math.max(0.001, (now - lastTickMs) / 1000.0);
        ObjectNode point = JSON.createObjectNode();
        point.put("t", round((now - startMs) / 1000.0));
        LivePlan plan = LivePlan.since(startMs, plans.values());
        int users = usersNow(plan);
        point.put("users", users);
        Double planned = plan.usersAt((now - startMs) / 1000.0);
        if (planned == null) {
            point.putNull("planned");
        } else {
            point.put("planned", round(planned));
        }
        point.put("rps", round((counts.samples() - lastSamples) / seconds));
        point.put("fps", round((counts.errors() - lastErrors) / seconds));
        // the second that ended a second ago: samples that ended in it have arrived (on this JVM)
        RunTimeline.Span second = recorder.timeline().span(now - 2000, now - 1000);
        point.put("p95", second.samples() == 0 ? null : second.p95Ms());
        lastTickMs = now;
        lastSamples = counts.samples();
        lastErrors = counts.errors();
        points.add(point);
        state = state(now, counts, windows, plan, users);
        ObjectNode event = JSON.createObjectNode();
        event.set("point", point);
        event.set("state", state);
        server.broadcast("tick", event.toString());
    }

    /** Everything so far, for a browser that just connected. */
    private synchronized String catchUp() {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode history = event.putArray("points");
        points.forEach(history::add);
        event.set("state", state);
        return event.toString();
    }

    private int usersNow(LivePlan plan) {
        if (plan.hasGroups()) {
            // the thread groups in this JVM count their users exactly, also while they think between samples
            return plan.users();
        }
        // on a distributed run's controller: what the engines' last samples said
        return engines.values().stream().mapToInt(EngineState::users).sum();
    }

    private ObjectNode state(long now, RunCounts counts, List<LabelWindow> windows, LivePlan plan, int users) {
        ObjectNode node = JSON.createObjectNode();
        double elapsed = (now - startMs) / 1000.0;
        node.put("started_at", startMs);
        node.put("elapsed_s", round(elapsed));
        node.put("ended", ended);
        node.put("users", users);
        Double end = plan.end();
        if (end == null) {
            node.putNull("planned_end_s");
            node.putNull("time_left_s");
        } else {
            node.put("planned_end_s", round(end));
            node.put("time_left_s", ended ? 0 : round(Math.max(0, end - elapsed)));
        }
        ArrayNode corners = node.putArray("plan_corners");
        for (double corner : plan.corners()) {
            corners.addArray().add(round(corner)).add(round(plan.usersAt(corner)));
        }
        ArrayNode stages = node.putArray("stages");
        for (double[] stage : plan.stageStarts()) {
            stages.addObject().put("at_s", round(stage[0])).put("users", (int) stage[1]);
        }
        node.put("samples", counts.samples());
        node.put("errors", counts.errors());
        funnel(node.putObject("funnel"), counts.funnel());
        labels(node.putArray("labels"), windows);
        thresholds(node, counts);
        engines(node.putArray("engines"), now);
        return node;
    }

    private static void funnel(ObjectNode node, FunnelCounts funnel) {
        node.put("attempted", funnel.ordersAttempted());
        node.put("created", funnel.ordersCreated());
        node.put("failed", funnel.ordersFailed());
        node.put("unknown", funnel.ordersUnknown());
        Double rate = funnel.successRatePct();
        if (rate == null) {
            node.putNull("success_rate");
        } else {
            node.put("success_rate", round(rate));
        }
    }

    private static void labels(ArrayNode rows, List<LabelWindow> windows) {
        for (LabelWindow window : windows) {
            ObjectNode row = rows.addObject();
            row.put("label", window.run().label());
            row.put("count", window.run().count());
            row.put("errors", window.run().errors());
            row.put("interval_count", window.intervalCount());
            row.put("interval_p50", window.intervalP50Ms());
            row.put("interval_p95", window.intervalP95Ms());
            row.put("interval_p99", window.intervalP99Ms());
            row.put("run_p50", window.run().p50Ms());
            row.put("run_p95", window.run().p95Ms());
            row.put("run_p99", window.run().p99Ms());
        }
    }

    private static void thresholds(ObjectNode node, RunCounts counts) {
        ThresholdLimits limits = RunningLimits.current();
        node.put("has_thresholds", limits != null);
        ArrayNode rows = node.putArray("thresholds");
        if (limits == null) {
            return;
        }
        for (ThresholdResult result : Thresholds.evaluate(limits, counts)) {
            rows.addObject().put("name", result.name()).put("passed", result.passed()).put("text", result.describe());
        }
    }

    private void engines(ArrayNode rows, long now) {
        engines.values().stream().sorted((a, b) -> a.host().compareTo(b.host())).forEach(engine -> {
            ObjectNode row = rows.addObject();
            row.put("host", engine.host());
            row.put("samples", engine.samples());
            row.put("users", engine.users());
            long silent = engine.lastSampleMs() == 0 ? -1 : Math.max(0, now - engine.lastSampleMs()) / 1000;
            row.put("silent_s", silent);
            String status;
            if (engine.isEnded()) {
                status = "ended";
            } else if (silent > 10) {
                status = "silent for " + silent + " s";
            } else {
                status = "running";
            }
            row.put("state", status);
        });
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
