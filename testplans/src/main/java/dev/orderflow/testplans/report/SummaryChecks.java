package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The checks a build makes on a plan's order summary beyond its own thresholds: that it counts what the
 * JMeter results file holds, that the shop's own count of orders agrees with it, and that a distributed
 * run started as many users as the plan asks for, in total over its engines.
 */
public final class SummaryChecks {

    private SummaryChecks() {
    }

    /** summary.json and the results file must count the same samples and errors, label by label. */
    public static List<String> agreement(JsonNode summary, ResultsFile results) {
        List<String> problems = new ArrayList<>();
        long samples = summary.path("samples").asLong(-1);
        long errors = summary.path("errors").asLong(-1);
        if (samples != results.samples()) {
            problems.add("summary counts " + samples + " samples, the results file " + results.samples());
        }
        if (errors != results.errors()) {
            problems.add("summary counts " + errors + " errors, the results file " + results.errors());
        }
        JsonNode labels = summary.path("labels");
        for (Map.Entry<String, ResultsFile.LabelCount> label : results.labels().entrySet()) {
            JsonNode counted = labels.path(label.getKey());
            long count = counted.path("count").asLong(-1);
            long labelErrors = counted.path("errors").asLong(-1);
            if (count != label.getValue().samples() || labelErrors != label.getValue().errors()) {
                problems.add("label '" + label.getKey() + "': summary " + count + " samples/" + labelErrors
                        + " errors, results file " + label.getValue().samples() + "/" + label.getValue().errors());
            }
        }
        for (Iterator<String> names = labels.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!results.labels().containsKey(name)) {
                problems.add("label '" + name + "' is in the summary but not in the results file");
            }
        }
        return problems;
    }

    /**
     * The shop created exactly the orders the run saw created, give or take the orders whose answer never
     * came, and its stock adds up (initial = remaining + sold). Returns the problems and a one-line account.
     */
    public static Reconciliation reconciliation(JsonNode summary, boolean adminKeyGiven) {
        JsonNode shop = summary.path("shop");
        if (shop.isMissingNode() || shop.isNull()) {
            return adminKeyGiven
                    ? new Reconciliation("missing",
                            List.of("the summary has no shop reconciliation although an admin key was given"))
                    : new Reconciliation("not checked (no admin key)", List.of());
        }
        if (shop.hasNonNull("error")) {
            return new Reconciliation("failed", List.of("shop reconciliation: " + shop.path("error").asText()));
        }
        long created = summary.path("orders_created").asLong();
        long unknown = summary.path("orders_unknown").asLong();
        long delta = shop.path("orders_delta").asLong(-1);
        List<String> problems = new ArrayList<>();
        if (delta < created || delta > created + unknown) {
            problems.add("the shop counted " + delta + " new orders, the run created " + created
                    + (unknown > 0 ? " (+ up to " + unknown + " with unknown outcome)" : ""));
        }
        if (!shop.path("invariant_ok").asBoolean(false)) {
            problems.add("the shop's stock does not add up: initial " + shop.path("initial_stock").asText("?")
                    + " ≠ remaining " + shop.path("stock_remaining").asText("?") + " + sold "
                    + shop.path("units_sold").asText("?"));
        }
        String account = (problems.isEmpty() ? "ok: " : "MISMATCH: ") + "shop +" + delta
                + " orders, run created " + created
                + (shop.path("invariant_ok").asBoolean(false) ? ", stock adds up" : ", stock does not add up");
        return new Reconciliation(account, problems);
    }

    /** A one-line account of the shop's counts and what disagreed. */
    public record Reconciliation(String account, List<String> problems) {
    }

    /**
     * A distributed run must start the plan's users in total, not per engine: the users that logged in (or
     * loaded the page, for the index-page plans) over all engines equal the users the plan asks for.
     */
    public static List<String> clusterUsers(JsonNode summary, ResultsFile results, int engines,
                                            OptionalInt expectedUsers, String userLabel) {
        List<String> problems = new ArrayList<>();
        int reportedEngines = summary.path("engines").asInt(-1);
        if (reportedEngines != engines) {
            problems.add("the summary reports " + reportedEngines + " engines, the run used " + engines);
        }
        if (expectedUsers.isPresent()) {
            int expected = expectedUsers.getAsInt();
            int reportedUsers = summary.path("users").asInt(-1);
            if (reportedUsers != expected) {
                problems.add("the summary reports " + reportedUsers + " users, the plan asks for " + expected
                        + " in total");
            }
            ResultsFile.LabelCount started = results.labels().get(userLabel);
            long seen = started == null ? 0 : started.samples();
            if (seen != expected) {
                problems.add("'" + userLabel + "' ran " + seen
                        + " times over all engines, once per user would be " + expected);
            }
        }
        return problems;
    }
}
