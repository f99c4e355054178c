package dev.orderflow.jmeter.summary;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/**
 * The settings of the {@link OrderSummaryListener}, declared once for the element, its form, its messages and the
 * tests. Each new element starts with a {@code __P} property, so a plan runs the same at full scale, at CI scale
 * and in the GUI.
 */
public final class OrderSummarySchema extends OrderFlowSchema {

    public static final OrderSummarySchema INSTANCE = new OrderSummarySchema();

    static {
        INSTANCE.group("Summary");
    }
    public static final Setting OUTPUT_DIR = INSTANCE.text("OrderSummary.outputDir", "Summary folder",
            "${__P(summary_dir,summary)}",
            "The folder summary.json and summary.txt are written to; created if missing");
    public static final Setting PLAN = INSTANCE.text("OrderSummary.plan", "Plan name", "${__P(plan,)}",
            "The plan's name as the summary reports it");

    static {
        INSTANCE.group("Pass/fail thresholds (empty = no limit)");
    }
    public static final Setting MIN_SUCCESS_RATE = INSTANCE.text("OrderSummary.minSuccessRate", "Min success rate (%)",
            "${__P(min_success_rate,)}", "The run fails when fewer order attempts than this succeed");
    public static final Setting MAX_ERROR_RATE = INSTANCE.text("OrderSummary.maxErrorRate", "Max error rate (%)",
            "${__P(max_error_rate,)}", "The run fails when more samples than this fail");
    public static final Setting MAX_MEAN_MS = INSTANCE.text("OrderSummary.maxMeanMs", "Max mean response time (ms)",
            "${__P(max_mean_ms,)}", "The run fails when a label's mean response time is above this");
    public static final Setting MAX_P95_MS = INSTANCE.text("OrderSummary.maxP95Ms", "Max p95 response time (ms)",
            "${__P(max_p95_ms,)}", "The run fails when a label's 95th percentile is above this");
    public static final Setting MAX_LOGIN_FAILURES = INSTANCE.text("OrderSummary.maxLoginFailures",
            "Max failed logins (empty = none allowed)", "${__P(max_login_failures,0)}",
            "A run whose users could not log in did not run its planned load");
    public static final Setting LABELS = INSTANCE.text("OrderSummary.labels",
            "Labels the time limits apply to (regex; empty = all labels)", "${__P(threshold_labels,)}",
            "A regular expression over sample labels");

    static {
        INSTANCE.group("Reconciliation with the shop's own counts");
    }
    public static final Setting SHOP_URL = INSTANCE.text("OrderSummary.shopUrl", "Shop base URL",
            "${__P(protocol,http)}://${__P(host,127.0.0.1)}:${__P(port,8000)}", "Where the shop's statistics are read");
    public static final Setting STATS_PATH = INSTANCE.text("OrderSummary.statsPath", "Shop statistics path",
            "/api/admin/stats", "GET here with the admin key before and after the run");
    public static final Setting ADMIN_KEY = INSTANCE.secret("OrderSummary.adminKey",
            "Shop admin key (empty = no reconciliation)", "${__P(admin_key,)}",
            "Sent as X-Admin-Key; when empty, the file the admin_key_file property names or ORDERFLOW_ADMIN_KEY"
                    + " gives it. Never written to results, logs or reports");

    private OrderSummarySchema() {
        super("Order summary", "Counts the order funnel and every label's response times over the run, prints the"
                + " closing summary, writes summary.json and summary.txt, checks the thresholds and reconciles the"
                + " counts with the shop's statistics when an admin key is given. A failed check makes a non-GUI run"
                + " end with exit status 1.");
    }
}
