package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a run's summary.json from the command line, so that a build fails with the failed thresholds named:
 * {@code java -cp <plugin jar>:<jackson-databind, -core, -annotations> dev.orderflow.jmeter.summary.VerdictCheck
 * summary.json}. Exit status 0 for verdict pass, 1 for fail, 2 when there is no readable summary.
 */
public final class VerdictCheck {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int NO_SUMMARY = 2;

    private VerdictCheck() {
    }

    public static void main(String[] args) {
        System.exit(check(args, System.out, System.err)); // NOSONAR a command line tool's exit status is its answer
    }

    static int check(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: VerdictCheck <summary.json>");
            return NO_SUMMARY;
        }
        Path file = Path.of(args[0]);
        JsonNode summary;
        try {
            summary = SummaryJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            err.println("Order summary: no readable summary at " + file.toAbsolutePath() + " (" + e
                    + "): did the run end?");
            return NO_SUMMARY;
        }
        if (summary == null || !summary.path("verdict").isTextual()) {
            err.println("Order summary: " + file.toAbsolutePath() + " has no verdict");
            return NO_SUMMARY;
        }
        String plan = summary.path("plan").asText("");
        String name = plan.isEmpty() ? file.toString() : "plan " + plan;
        int failed = 0;
        for (JsonNode threshold : summary.path("thresholds")) {
            if (!threshold.path("passed").asBoolean(false)) {
                failed++;
                err.println("Order summary of " + name + ": threshold failed: " + describe(threshold));
            }
        }
        boolean pass = "pass".equals(summary.path("verdict").asText()) && failed == 0;
        boolean pageFlow = summary.path("page_loads").asLong(0) > 0 && summary.path("logins").asLong(0) == 0;
        String made = pageFlow
                ? "page loads " + summary.path("page_loads").asText("?")
                : "orders created " + summary.path("orders_created").asText("?") + " of "
                        + summary.path("orders_attempted").asText("?") + " attempted";
        (pass ? out : err).println("Order summary of " + name + ": verdict " + (pass ? "pass" : "fail")
                + " (" + summary.path("thresholds").size() + " checks, " + failed + " failed; " + made + ")");
        return pass ? PASS : FAIL;
    }

    private static String describe(JsonNode threshold) {
        return new ThresholdResult(threshold.path("name").asText("?"), number(threshold.get("limit")),
                number(threshold.get("actual")), false,
                threshold.hasNonNull("detail") ? threshold.get("detail").asText() : null).describe();
    }

    private static Double number(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.asDouble();
    }
}
