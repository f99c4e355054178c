package dev.orderflow.jmeter.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;

/**
 * summary.json: the machine-readable summary CI and {@link VerdictCheck} read. Rates are percentages
 * (0 to 100), times milliseconds, the duration seconds; a value that could not be measured is null.
 */
public final class SummaryJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    public static String write(RunSummary summary) {
        try {
            return MAPPER.writeValueAsString(tree(summary)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary.json could not be rendered", e);
        }
    }

    static ObjectNode tree(RunSummary summary) {
        RunCounts counts = summary.counts();
        FunnelCounts funnel = counts.funnel();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("plan", summary.plan());
        root.put("engines", summary.engines());
        root.put("users", summary.users());
        putDecimal(root, "spawn_rate", summary.spawnRate());
        root.put("started_at", counts.samples() == 0 ? null : Instant.ofEpochMilli(counts.firstStartMs()).toString());
        putDecimal(root, "duration_s", counts.durationSeconds());
        root.put("samples", counts.samples());
        root.put("errors", counts.errors());
        putDecimal(root, "error_rate", counts.errorRatePct());
        root.put("logins", funnel.logins());
        root.put("login_failures", funnel.loginFailures());
        root.put("relogins", funnel.relogins());
        root.put("relogin_failures", funnel.reloginFailures());
        root.put("orders_attempted", funnel.ordersAttempted());
        Long plannedIterations = PlannedLoad.of(counts.loads()).iterations();
        root.put("orders_planned", funnel.pageFlow() ? null : plannedIterations);
        root.put("page_loads", funnel.pageLoads());
        root.put("page_loads_planned", funnel.pageFlow() ? plannedIterations : null);
        root.put("orders_created", funnel.ordersCreated());
        root.put("orders_failed", funnel.ordersFailed());
        root.put("cart_failures", funnel.cartFailures());
        root.put("orders_unknown", funnel.ordersUnknown());
        root.put("orders_cut_off", funnel.ordersCutOff());
        putDecimal(root, "success_rate", funnel.successRatePct());
        putDecimal(root, "throughput_rps", counts.throughputPerSecond());
        ShopSilence silence = counts.shopSilence();
        if (silence == null) {
            root.putNull("shop_stopped_answering");
        } else {
            ObjectNode node = root.putObject("shop_stopped_answering");
            node.put("since", Instant.ofEpochMilli(silence.sinceMs()).toString());
            putDecimal(node, "seconds_into_run", Math.max(0, silence.sinceMs() - counts.firstStartMs()) / 1000.0);
            node.put("unanswered", silence.unanswered());
            node.put("last_problem", silence.lastProblem());
        }
        ObjectNode rejections = root.putObject("rejections");
        funnel.rejections().forEach(rejections::put);
        ObjectNode labels = root.putObject("labels");
        for (LabelStats stats : counts.labels()) {
            ObjectNode label = labels.putObject(stats.label());
            label.put("count", stats.count());
            label.put("errors", stats.errors());
            putDecimal(label, "mean_ms", stats.meanMs());
            label.put("p50_ms", stats.p50Ms());
            label.put("p90_ms", stats.p90Ms());
            label.put("p95_ms", stats.p95Ms());
            label.put("p99_ms", stats.p99Ms());
            label.put("max_ms", stats.maxMs());
        }
        ArrayNode loads = root.putArray("loads");
        for (GroupLoad load : counts.loads()) {
            ObjectNode node = loads.addObject();
            node.put("group", load.group());
            node.put("engine", load.engine());
            node.put("engines", load.engines());
            node.put("planned_users", load.plannedUsers());
            node.put("reached_users", load.reachedUsers());
            node.put("ran_to_end", load.ranToEnd());
            node.put("stop_reason", load.stopReason());
            putDecimal(node, "seconds", load.seconds());
            node.put("held", load.held());
            // the shape as planned, on the clock: what a report draws its planned users from
            node.put("start_ms", load.startEpochMs() > 0 ? load.startEpochMs() : null);
            ArrayNode planned = node.putArray("planned_stages");
            for (PlannedStage stage : load.stages()) {
                ObjectNode row = planned.addObject();
                row.put("users", stage.users());
                putDecimal(row, "from_s", stage.fromSeconds());
                putDecimal(row, "ramp_end_s", stage.rampEndSeconds());
                putDecimal(row, "until_s", stage.untilSeconds());
            }
        }
        StageTable.json(root.putArray("stages"), summary.stages());
        root.put("capacity", summary.stages().isEmpty() ? null : StageTable.capacity(summary.stages()));
        ArrayNode thresholds = root.putArray("thresholds");
        for (ThresholdResult result : summary.thresholds()) {
            ObjectNode threshold = thresholds.addObject();
            threshold.put("name", result.name());
            putDecimal(threshold, "limit", result.limit());
            putDecimal(threshold, "actual", result.actual());
            threshold.put("passed", result.passed());
            if (result.detail() != null) {
                threshold.put("detail", result.detail());
            }
        }
        if (summary.shop() == null) {
            root.putNull("shop");
        } else {
            shop(root.putObject("shop"), summary.shop());
        }
        root.put("verdict", summary.verdict());
        return root;
    }

    private static void shop(ObjectNode node, ShopCheck shop) {
        node.put("base_url", shop.baseUrl());
        node.put("orders_before", shop.before() == null ? null : shop.before().orders());
        node.put("orders_after", shop.after() == null ? null : shop.after().orders());
        node.put("orders_delta", shop.ordersDelta());
        node.put("units_sold_delta", shop.unitsSoldDelta());
        node.put("invariant_ok", shop.invariantOk());
        if (shop.after() != null) {
            node.put("initial_stock", shop.after().initialStock());
            node.put("stock_remaining", shop.after().stockRemaining());
            node.put("units_sold", shop.after().unitsSold());
        }
        if (shop.error() != null) {
            node.put("error", shop.error());
        }
    }

    private static void putDecimal(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
