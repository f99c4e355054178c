package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load a run's shape planned, from the load reports in its summary.json ({@code loads}: each thread group's
 * start and the stages it followed, cluster totals): the planned users over time and a line for the index.
 *
 * @param startMs when the group started following its shape (epoch ms; the earliest engine's start)
 * @param stages  the stages in time order, seconds after {@code startMs}
 */
public record PlannedShape(long startMs, List<Stage> stages) {

    /** From {@code fromSeconds} the shape asked for {@code users}, all running from {@code rampEndSeconds}. */
    public record Stage(int users, double fromSeconds, double rampEndSeconds, double untilSeconds) {

        /** The planned spawn rate of the stage's ramp, users per second; 0 when it has no ramp. */
        double spawnRate(int previousUsers) {
            double ramp = rampEndSeconds - fromSeconds;
            return ramp <= 0 ? 0 : Math.abs(users - previousUsers) / ramp;
        }
    }

    public PlannedShape {
        stages = List.copyOf(stages);
    }

    /**
     * The first thread group that reported a planned shape, timed from its earliest start on any engine, with the
     * stages of the engine that saw the most of them (one stopped early saw fewer); null when no group reported
     * one (a plan under JMeter's own thread group, or a summary from before the reports carried their shape).
     */
    public static PlannedShape of(JsonNode summary) {
        if (summary == null) {
            return null;
        }
        JsonNode first = null;
        for (JsonNode load : summary.path("loads")) {
            if (load.path("start_ms").isNumber() && !load.path("planned_stages").isEmpty()) {
                first = load;
                break;
            }
        }
        if (first == null) {
            return null;
        }
        String group = first.path("group").asText();
        long start = Long.MAX_VALUE;
        JsonNode fullest = first;
        for (JsonNode load : summary.path("loads")) {
            if (!load.path("group").asText().equals(group) || !load.path("start_ms").isNumber()) {
                continue;
            }
            start = Math.min(start, load.path("start_ms").asLong());
            if (load.path("planned_stages").size() > fullest.path("planned_stages").size()) {
                fullest = load;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (JsonNode stage : fullest.path("planned_stages")) {
            stages.add(new Stage(stage.path("users").asInt(), stage.path("from_s").asDouble(),
                    stage.path("ramp_end_s").asDouble(), stage.path("until_s").asDouble()));
        }
        return new PlannedShape(start, stages);
    }

    /** The planned users as a line: each ramp from the previous stage's users to the stage's, then flat. */
    public List<double[]> users(long originMs) {
        double offset = (startMs - originMs) / 1000.0;
        List<double[]> points = new ArrayList<>();
        int previous = 0;
        for (Stage stage : stages) {
            points.add(new double[] {offset + stage.fromSeconds(), previous});
            points.add(new double[] {offset + stage.rampEndSeconds(), stage.users()});
            points.add(new double[] {offset + stage.untilSeconds(), stage.users()});
            previous = stage.users();
        }
        return points;
    }

    /** Seconds after {@code originMs} at which each stage after the first begins. */
    public List<double[]> stageStarts(long originMs) {
        double offset = (startMs - originMs) / 1000.0;
        List<double[]> starts = new ArrayList<>();
        for (int i = 1; i < stages.size(); i++) {
            starts.add(new double[] {offset + stages.get(i).fromSeconds(), stages.get(i).users()});
        }
        return starts;
    }

    /**
     * One line for a person: {@code 100 until 60 s, 300 until 180 s, 1000 until 600 s} for stages,
     * {@code 1000 users at 100/s, one iteration each} or {@code 500 users at 50/s for 300 s} for one.
     */
    public String describe(boolean oneIteration) {
        if (stages.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (Stage stage : stages) {
                parts.add(stage.users() + " until " + number(stage.untilSeconds()) + " s");
            }
            return String.join(", ", parts);
        }
        Stage only = stages.get(0);
        double rate = only.spawnRate(0);
        return only.users() + " users" + (rate > 0 ? " at " + number(rate) + "/s" : " at once")
                + (oneIteration ? ", one iteration each" : " for " + number(only.untilSeconds()) + " s");
    }

    /** The shape of a run whose summary has no planned stages: its users and spawn rate, as the summary gives them. */
    public static String describeFromSummary(JsonNode summary) {
        if (summary == null || !summary.path("users").isNumber()) {
            return null;
        }
        String rate = summary.path("spawn_rate").isNumber()
                ? " at " + number(summary.path("spawn_rate").asDouble()) + "/s" : "";
        return summary.path("users").asInt() + " users" + rate;
    }

    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
