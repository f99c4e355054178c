package dev.orderflow.testplans.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a run ran to its end, from what it left: a run that lost an engine, was interrupted or stopped before
 * its shape ended still files its report, marked incomplete with the reason its summary gives.
 */
final class Incompleteness {

    /** The summary's checks that fail when the run did not run to its end. */
    private static final Set<String> ENDING_CHECKS = Set.of("engines", "interrupted", "planned_load");

    private Incompleteness() {
    }

    /** @return why the run is incomplete, or null when it ran to its end */
    static String of(boolean hasResults, JsonNode summary) {
        if (!hasResults) {
            return "JMeter wrote no results file: the plan did not run";
        }
        if (summary == null) {
            return "JMeter ended before the order summary listener wrote its summary (killed, or it crashed):"
                    + " the report holds the results file only";
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode check : summary.path("thresholds")) {
            if (!check.path("passed").asBoolean(true) && ENDING_CHECKS.contains(check.path("name").asText())) {
                reasons.add(check.path("name").asText() + ": " + check.path("detail").asText());
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
