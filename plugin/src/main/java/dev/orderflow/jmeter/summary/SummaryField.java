package dev.orderflow.jmeter.summary;

/**
 * The settings of the order summary listener, declared once for the element, its GUI, its error messages
 * and the tests: the property key saved in the plan, the label a person sees, and the value a new element
 * starts with (a {@code __P} property, so a plan runs the same at full scale, at CI scale and in the GUI).
 * The users and spawn rate the summary reports come from the thread groups' load reports ({@link PlannedLoad});
 * the {@code OrderSummary.users} and {@code OrderSummary.spawnRate} an older plan may still carry are ignored.
 */
public enum SummaryField {

    OUTPUT_DIR("OrderSummary.outputDir", "Summary folder", "${__P(summary_dir,summary)}"),
    PLAN("OrderSummary.plan", "Plan name", "${__P(plan,)}"),
    MIN_SUCCESS_RATE("OrderSummary.minSuccessRate", "Min success rate (%)", "${__P(min_success_rate,)}"),
    MAX_ERROR_RATE("OrderSummary.maxErrorRate", "Max error rate (%)", "${__P(max_error_rate,)}"),
    MAX_MEAN_MS("OrderSummary.maxMeanMs", "Max mean response time (ms)", "${__P(max_mean_ms,)}"),
    MAX_P95_MS("OrderSummary.maxP95Ms", "Max p95 response time (ms)", "${__P(max_p95_ms,)}"),
    MAX_LOGIN_FAILURES("OrderSummary.maxLoginFailures", "Max failed logins (empty = none allowed)",
            "${__P(max_login_failures,0)}"),
    LABELS("OrderSummary.labels", "Labels the time limits apply to (regex; empty = all labels)",
            "${__P(threshold_labels,)}"),
    SHOP_URL("OrderSummary.shopUrl", "Shop base URL",
            "${__P(protocol,http)}://${__P(host,127.0.0.1)}:${__P(port,8000)}"),
    STATS_PATH("OrderSummary.statsPath", "Shop statistics path", "/api/admin/stats"),
    ADMIN_KEY("OrderSummary.adminKey", "Shop admin key (empty = no reconciliation)", "${__P(admin_key,)}");

    private final String key;
    private final String label;
    private final String initialValue;

    SummaryField(String key, String label, String initialValue) {
        this.key = key;
        this.label = label;
        this.initialValue = initialValue;
    }

    /** The property key in the saved plan. */
    public String key() {
        return key;
    }

    /** The field's name as the GUI shows it and error messages quote it. */
    public String label() {
        return label;
    }

    /** The value a newly added element starts with. */
    public String initialValue() {
        return initialValue;
    }
}
