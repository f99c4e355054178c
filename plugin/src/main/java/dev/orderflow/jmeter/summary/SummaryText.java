package dev.orderflow.jmeter.summary;

import java.util.Locale;
import java.util.Map;

import dev.orderflow.jmeter.flow.GroupLoad;

/** The summary for a person: the console's closing table and summary.txt. */
public final class SummaryText {

    public static final String TITLE = "Order Concurrency Test Results";
    private static final String RULE = "=".repeat(72);
    private static final String THIN_RULE = "-".repeat(72);
    private static final String NL = System.lineSeparator();

    private SummaryText() {
    }

    public static String render(RunSummary summary) {
        RunCounts counts = summary.counts();
        StringBuilder out = new StringBuilder();
        out.append(TITLE).append(NL).append(RULE).append(NL);
        row(out, "Plan", summary.plan().isEmpty() ? "-" : summary.plan());
        row(out, "Engines", Integer.toString(summary.engines()));
        row(out, "Users", summary.users() == null ? "-" : summary.users().toString());
        row(out, "Spawn rate", summary.spawnRate() == null ? "-" : number(summary.spawnRate()) + " users/s");
        row(out, "Duration", String.format(Locale.ROOT, "%.2f s", counts.durationSeconds()));
        row(out, "Throughput", String.format(Locale.ROOT, "%.2f samples/s", counts.throughputPerSecond()));
        for (GroupLoad load : counts.loads()) {
            row(out, "Load", load.describe());
        }
        if (counts.shopSilence() != null) {
            row(out, "Shop down", counts.shopSilence().describe(counts.firstStartMs()));
        }
        funnel(out, counts.funnel(), PlannedLoad.of(counts.loads()).iterations());
        if (summary.shop() != null) {
            shop(out, summary.shop());
        }
        labels(out, counts);
        if (!summary.stages().isEmpty()) {
            out.append(THIN_RULE).append(NL).append(StageTable.text(summary.stages()));
        }
        if (!summary.thresholds().isEmpty()) {
            out.append(THIN_RULE).append(NL).append("Thresholds").append(NL);
            for (ThresholdResult result : summary.thresholds()) {
                out.append("  ").append(result.describe()).append(NL);
            }
        }
        out.append(THIN_RULE).append(NL);
        row(out, "Verdict", summary.passed() ? "PASS" : "FAIL");
        out.append(RULE).append(NL);
        return out.toString();
    }

    /** The counts of a run still going: the funnel and the labels, as the GUI shows them live. */
    public static String live(RunCounts counts) {
        StringBuilder out = new StringBuilder();
        row(out, "Samples", counts.samples() + " (" + counts.errors() + " failed)");
        row(out, "Engines", Integer.toString(counts.engines()));
        row(out, "Duration", String.format(Locale.ROOT, "%.2f s", counts.durationSeconds()));
        funnel(out, counts.funnel(), null);
        labels(out, counts);
        return out.toString();
    }

    /**
     * @param planned the orders (or page loads) the users were planned to run, or null when they loop until the
     *        shape ends (or the plan is unknown)
     */
    private static void funnel(StringBuilder out, FunnelCounts funnel, Long planned) {
        String ofPlanned = planned == null ? "" : " of " + planned + " planned";
        if (funnel.pageFlow()) {
            row(out, "Page loads", funnel.pageLoads() + ofPlanned);
            return;
        }
        row(out, "Login failures", funnel.loginFailures() + " of " + funnel.logins() + " logins tried");
        row(out, "Re-logins", funnel.relogins() + " after a 401 (" + funnel.reloginFailures() + " failed)");
        row(out, "Orders attempted", funnel.ordersAttempted() + ofPlanned);
        row(out, "Orders created", Long.toString(funnel.ordersCreated()));
        row(out, "Orders failed", Long.toString(funnel.ordersFailed()));
        for (Map.Entry<String, Long> rejection : funnel.rejections().entrySet()) {
            row(out, "  rejected " + rejection.getKey(), rejection.getValue().toString());
        }
        row(out, "Cart failures", Long.toString(funnel.cartFailures()));
        row(out, "Orders unknown", Long.toString(funnel.ordersUnknown()));
        row(out, "Orders cut off", funnel.ordersCutOff() + " (the run ended, or their user was stopped, during"
                + " the attempt)");
        row(out, "Success rate", funnel.successRatePct() == null ? "n/a (no order attempted)"
                : String.format(Locale.ROOT, "%.2f%% of orders attempted were created", funnel.successRatePct()));
    }

    private static void shop(StringBuilder out, ShopCheck shop) {
        if (shop.error() != null) {
            row(out, "Shop orders", "not reconciled: " + shop.error());
            return;
        }
        row(out, "Shop orders created", shop.ordersDelta() + " (before " + shop.before().orders() + ", after "
                + shop.after().orders() + ")");
        row(out, "Shop units sold", Long.toString(shop.unitsSoldDelta()));
        row(out, "Shop stock adds up", Boolean.TRUE.equals(shop.invariantOk()) ? "yes" : "NO");
    }

    /**
     * How the table's percentiles are computed, printed under it: JMeter's dashboard computes its own for the
     * same samples by interpolation, and a reader comparing the two must know which is which.
     */
    static final String PERCENTILES = "p50-p99: nearest rank over all samples of the label (HdrHistogram, 3 "
            + "significant digits); JMeter's dashboard interpolates, so its figures can differ.";

    private static void labels(StringBuilder out, RunCounts counts) {
        if (counts.labels().isEmpty()) {
            return;
        }
        int width = Math.max("Label".length(),
                counts.labels().stream().mapToInt(stats -> stats.label().length()).max().orElse(0));
        String format = "%-" + width + "s %8s %7s %9s %7s %7s %7s %7s %7s" + NL;
        out.append(THIN_RULE).append(NL);
        out.append(String.format(Locale.ROOT, format, "Label", "Count", "Errors", "Mean ms", "p50", "p90", "p95",
                "p99", "Max"));
        for (LabelStats stats : counts.labels()) {
            out.append(String.format(Locale.ROOT, format, stats.label(), stats.count(), stats.errors(),
                    String.format(Locale.ROOT, "%.1f", stats.meanMs()), stats.p50Ms(), stats.p90Ms(), stats.p95Ms(),
                    stats.p99Ms(), stats.maxMs()));
        }
        out.append(PERCENTILES).append(NL);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-22s%s", name + ":", value)).append(NL);
    }

    private static String number(double value) {
        return ThresholdResult.format(value);
    }
}
