package dev.orderflow.jmeter.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The per-stage results of a staged or scripted run, and the capacity answer: the highest stage that held and
 * the first that failed, with the figure that broke it.
 */
public final class StageTable {

    private static final String NL = System.lineSeparator();

    private StageTable() {
    }

    /** The table and the capacity line for summary.txt; empty when the run had no stages. */
    public static String text(List<StageResult> stages) {
        if (stages.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Stages (ramps apart from plateaus; limits over all labels; "
                + "success: orders created of the attempts that ended in the phase)").append(NL);
        String format = "%-5s %-7s %7s %15s %9s %6s %6s %6s %7s %9s %8s %s" + NL;
        out.append(String.format(Locale.ROOT, format, "Stage", "Phase", "Users", "Time span s", "Req/s", "p50",
                "p95", "p99", "Err %", "Orders/s", "Success", "Verdict"));
        for (StageResult result : stages) {
            StagePhase phase = result.phase();
            RunTimeline.Span span = phase.span();
            out.append(String.format(Locale.ROOT, format, phase.stage(), phase.ramp() ? "ramp" : "plateau",
                    phase.users(), String.format(Locale.ROOT, "%.0f-%.0f", phase.fromSeconds(), phase.untilSeconds()),
                    String.format(Locale.ROOT, "%.1f", phase.requestsPerSecond()), span.p50Ms(), span.p95Ms(),
                    span.p99Ms(), percent(span.errorRatePct()),
                    String.format(Locale.ROOT, "%.2f", phase.ordersPerSecond()), percent(span.successRatePct()),
                    verdict(result)));
        }
        out.append("Capacity: ").append(capacity(stages)).append(NL);
        return out.toString();
    }

    /** summary.json's {@code stages} rows. */
    public static void json(ArrayNode rows, List<StageResult> stages) {
        for (StageResult result : stages) {
            StagePhase phase = result.phase();
            RunTimeline.Span span = phase.span();
            ObjectNode row = rows.addObject();
            row.put("stage", phase.stage());
            row.put("phase", phase.ramp() ? "ramp" : "plateau");
            row.put("users", phase.users());
            decimal(row, "from_s", phase.fromSeconds());
            decimal(row, "until_s", phase.untilSeconds());
            row.put("samples", span.samples());
            decimal(row, "throughput_rps", phase.requestsPerSecond());
            row.put("p50_ms", span.p50Ms());
            row.put("p95_ms", span.p95Ms());
            row.put("p99_ms", span.p99Ms());
            decimal(row, "error_rate", span.errorRatePct());
            row.put("orders_attempted", span.ordersAttempted());
            row.put("orders_created", span.ordersCreated());
            row.put("orders_ended", span.ordersEnded());
            decimal(row, "orders_per_s", phase.ordersPerSecond());
            decimal(row, "success_rate", span.successRatePct());
            if (result.held() == null) {
                row.putNull("verdict");
            } else {
                row.put("verdict", result.held() ? "held" : "failed");
            }
            ArrayNode failed = row.putArray("failed");
            result.checks().stream().filter(check -> !check.passed()).forEach(check -> failed.add(figure(check)));
        }
    }

    /**
     * One line: {@code held 500 users: p95 310 ms, 0.0 % errors; failed at 700 users: p95 1 240 ms > 1 000 ms}.
     */
    public static String capacity(List<StageResult> stages) {
        StageResult lastHeld = null;
        StageResult firstFailed = null;
        for (StageResult result : stages) {
            if (result.held() == null) {
                continue;
            }
            if (!result.held()) {
                firstFailed = result;
                break;
            }
            if (lastHeld == null || result.phase().users() >= lastHeld.phase().users()) {
                lastHeld = result;
            }
        }
        if (lastHeld == null && firstFailed == null) {
            return "no stage held its users long enough to be judged";
        }
        StringBuilder line = new StringBuilder();
        if (lastHeld == null) {
            line.append("no stage held");
        } else {
            line.append(firstFailed == null ? "held every stage, up to " : "held ")
                    .append(group(lastHeld.phase().users()))
                    .append(" users: p95 ").append(group(lastHeld.phase().span().p95Ms())).append(" ms, ")
                    .append(percent(lastHeld.phase().span().errorRatePct())).append(" % errors");
        }
        if (firstFailed != null) {
            line.append("; failed at ").append(group(firstFailed.phase().users())).append(" users: ");
            line.append(String.join(", ", firstFailed.checks().stream().filter(check -> !check.passed())
                    .map(StageTable::figure).toList()));
            if (firstFailed.phase().span().samples() == 0) {
                line.append("no sample ended in it");
            }
        }
        return line.toString();
    }

    /** The figure that broke a limit: {@code p95 1 240 ms > 1 000 ms}. */
    private static String figure(ThresholdResult check) {
        if (check.actual() == null) {
            return check.name() + ": " + (check.detail() == null ? "not measured" : check.detail());
        }
        boolean atLeast = "success rate".equals(check.name());
        String unit = "p95".equals(check.name()) || "mean".equals(check.name()) ? " ms" : " %";
        String actual = " ms".equals(unit) ? group(Math.round(check.actual())) : percent(check.actual());
        String limit = " ms".equals(unit) ? group(Math.round(check.limit())) : percent(check.limit());
        return check.name() + " " + actual + unit + (atLeast ? " < " : " > ") + limit + unit;
    }

    private static String verdict(StageResult result) {
        if (result.held() == null) {
            return "-";
        }
        if (result.held()) {
            return "held";
        }
        return "FAILED " + String.join(", ", result.checks().stream().filter(check -> !check.passed())
                .map(StageTable::figure).toList());
    }

    /** Thousands set apart by a space, as a person reads them: {@code 1 240}. */
    static String group(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void decimal(ObjectNode node, String name, Double value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
        }
    }
}
