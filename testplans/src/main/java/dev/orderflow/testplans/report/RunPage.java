package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.testplans.load.LoadSample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * index.html in a run's folder: the first page of its report. The verdict and why, the comparison with an earlier
 * run, the order funnel (the page figures for the index-page plans), then on one time axis the planned against
 * the running users with the stages marked, requests and errors per second, p95 per second and the load
 * machine's CPU, then the per-stage table and the thresholds. JMeter's dashboard stays beside it, linked.
 * Self-contained: inline SVG and CSS, nothing fetched.
 */
public final class RunPage {

    public static final String FILE_NAME = "index.html";

    /** What the page shows of a comparison: the run it was read against, and whether -Dbaseline gated the verdict. */
    public record Comparison(RunComparison comparison, boolean gated, BaselineSettings limits) {
    }

    /**
     * Everything the page is drawn from.
     *
     * @param record     the run's line of the index (verdict, reasons, figures, notes)
     * @param summary    its summary.json, or null
     * @param seconds    the results second by second
     * @param shape      the planned shape, or null when the summary has none
     * @param machine    the load machine's samples over the load, or none
     * @param comparison the comparison with an earlier run, or null when there is none
     * @param links      file names in the run's folder that exist (dashboard/index.html, summary.txt …)
     */
    public record Inputs(RunRecord record, JsonNode summary, RunSeconds seconds, PlannedShape shape,
                         LoadMachineSeries machine, Comparison comparison, List<String> links) {
    }

    private RunPage() {
    }

    public static void write(Path folder, Inputs in) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), render(in), StandardCharsets.UTF_8);
    }

    static String render(Inputs in) {
        RunRecord run = in.record();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(run.plan())).append(' ').append(Html.escape(ReportIndex.date(run.startedAt())))
                .append(": ").append(Html.escape(run.verdict())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse;"
                        + "margin:.5em 0}")
                .append("th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}")
                .append("td.text,th.text{text-align:left}.pass{color:#3c763d}.fail{color:#a94442}")
                .append(".verdict{font-size:1.4em;font-weight:bold}nav a{margin-right:1em}svg{display:block}")
                .append("\n</style>\n</head>\n<body>\n");
        html.append("<nav><a href=\"../../").append(ReportIndex.FILE_NAME).append("\">&larr; All runs</a>");
        for (String link : in.links()) {
            html.append("<a href=\"").append(Html.escape(link)).append("\">").append(Html.escape(linkName(link)))
                    .append("</a>");
        }
        html.append("</nav>\n");
        html.append("<h1>").append(Html.escape(run.plan())).append(" <small>")
                .append(Html.escape(ReportIndex.date(run.startedAt()))).append("</small></h1>\n");
        html.append("<p>").append(Html.escape(describe(run))).append("</p>\n");
        verdict(html, run, in.summary());
        comparison(html, in.comparison(), run);
        funnel(html, in.summary(), run);
        charts(html, in);
        stages(html, in.summary());
        thresholds(html, in.summary());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String describe(RunRecord run) {
        StringBuilder text = new StringBuilder();
        text.append(run.shape() != null ? run.shape() : run.users() + " users");
        text.append("; ").append(run.engines() == 1 ? "one JMeter" : run.engines() + " JMeter engines");
        text.append("; ").append("full".equals(run.scale()) ? "full scale" : "scale " + run.scale());
        text.append("; shop ").append(run.target());
        return text.toString();
    }

    private static void verdict(StringBuilder html, RunRecord run, JsonNode summary) {
        html.append("<p class=\"verdict ").append(run.passed() ? "pass" : "fail").append("\">")
                .append(run.passed() ? "PASS" : "FAIL").append(run.incomplete() == null ? "" : ", incomplete")
                .append("</p>\n");
        List<String> reasons = new ArrayList<>(run.failures());
        if (run.incomplete() != null) {
            reasons.add("incomplete: " + run.incomplete());
        }
        if (!reasons.isEmpty()) {
            html.append("<ul>\n");
            reasons.forEach(reason -> html.append("<li class=\"fail\">").append(Html.escape(reason)).append("</li>\n"));
            html.append("</ul>\n");
        } else if (summary != null) {
            html.append("<p>Every check held: ").append(summary.path("thresholds").size())
                    .append(" thresholds of the order summary, its agreement with the results file, the shop's "
                            + "counts.</p>\n");
        }
        for (String note : run.notes()) {
            html.append("<p><i>Note:</i> ").append(Html.escape(note)).append("</p>\n");
        }
    }

    private static void comparison(StringBuilder html, Comparison section, RunRecord run) {
        if (section == null) {
            return;
        }
        RunComparison comparison = section.comparison();
        RunRecord baseline = comparison.baseline();
        html.append("<h2>Compared with ").append(section.gated() ? "the baseline" : "the previous run")
                .append("</h2>\n<p>")
                .append("<a href=\"../../").append(Html.escape(baseline.page() != null ? baseline.page()
                        : baseline.folder() + "/" + RunRecord.FILE_NAME)).append("\">")
                .append(Html.escape(baseline.plan() + " " + ReportIndex.date(baseline.startedAt()))).append("</a>")
                .append(", verdict ").append(Html.escape(baseline.verdict()));
        if (section.gated()) {
            html.append(String.format(Locale.ROOT,
                    "; limits: p95 at most %s %% above its p95, req/s at least %s of its req/s",
                    RunComparison.plain(section.limits().maxP95RegressionPct()),
                    RunComparison.plain(section.limits().minThroughputRatio())));
        } else {
            html.append("; for information: no -Dbaseline was given, so it did not decide the verdict");
        }
        html.append(".</p>\n<table>\n<tr><th class=\"text\">figure</th><th>this "
                + "run</th><th>baseline</th><th>change</th></tr>\n");
        Double ratio = comparison.throughputRatio();
        comparisonRow(html, "req/s", run.requestsPerSecond(), baseline.requestsPerSecond(),
                ratio == null ? "–" : RunComparison.signed((ratio - 1) * 100) + " %");
        comparisonRow(html, "p95 ms (dashboard)", run.p95Ms(), baseline.p95Ms(),
                comparison.p95ChangePct() == null ? "–" : RunComparison.signed(comparison.p95ChangePct()) + " %");
        comparisonRow(html, "success %", run.successRate(), baseline.successRate(),
                comparison.successRateChange() == null ? "–"
                        : RunComparison.signed(comparison.successRateChange()) + " pt");
        html.append("</table>\n");
        if (section.gated()) {
            List<String> regressions = comparison.regressions(section.limits());
            if (regressions.isEmpty()) {
                html.append("<p class=\"pass\">Within the limits.</p>\n");
            }
            regressions.forEach(r -> html.append("<p class=\"fail\">").append(Html.escape(r)).append("</p>\n"));
            comparison.notCompared().forEach(figure -> html.append("<p>Not compared: ").append(Html.escape(figure))
                    .append("</p>\n"));
        }
    }

    private static void comparisonRow(StringBuilder html, String name, Double now, Double before, String change) {
        html.append("<tr><td class=\"text\">").append(name).append("</td><td>").append(number(now)).append("</td><td>")
                .append(number(before)).append("</td><td>").append(Html.escape(change)).append("</td></tr>\n");
    }

    private static void funnel(StringBuilder html, JsonNode summary, RunRecord run) {
        if (summary == null) {
            html.append("<p>No order summary: the listener wrote none.</p>\n");
            return;
        }
        boolean orders = summary.path("orders_attempted").asLong(0) > 0 || summary.path("logins").asLong(0) > 0;
        if (orders) {
            html.append("<h2>Order funnel</h2>\n<table>\n");
            row(html, "logins", summary.path("logins").asText("–") + " (" + summary.path("login_failures").asText("0")
                    + " failed, " + summary.path("relogins").asText("0") + " re-logins after a 401)");
            row(html, "orders attempted", summary.path("orders_attempted").asText("–")
                    + (summary.path("orders_planned").isNumber()
                            ? " of " + summary.path("orders_planned").asText() + " planned" : ""));
            row(html, "orders created", summary.path("orders_created").asText("–"));
            row(html, "orders failed", summary.path("orders_failed").asText("–"));
            row(html, "cart failures", summary.path("cart_failures").asText("–"));
            row(html, "orders with unknown outcome", summary.path("orders_unknown").asText("–"));
            row(html, "orders cut off by the run's end", summary.path("orders_cut_off").asText("–"));
            row(html, "success rate", percent(summary.path("success_rate")) + " of orders attempted were created");
        } else {
            // the index-page plans place no order: their funnel is the page loads
            html.append("<h2>Page loads</h2>\n<table>\n");
            row(html, "page loads", summary.path("page_loads").asText(summary.path("samples").asText("–"))
                    + (summary.path("page_loads_planned").isNumber()
                            ? " of " + summary.path("page_loads_planned").asText() + " planned" : ""));
            row(html, "errors", summary.path("errors").asText("–") + " (" + percent(summary.path("error_rate")) + ")");
            for (var labels = summary.path("labels").fields(); labels.hasNext(); ) {
                var label = labels.next();
                row(html, label.getKey() + " mean / p95", label.getValue().path("mean_ms").asText("–") + " ms / "
                        + label.getValue().path("p95_ms").asText("–") + " ms");
            }
        }
        row(html, "throughput", summary.path("throughput_rps").asText("–") + " samples/s over "
                + summary.path("duration_s").asText("–") + " s");
        row(html, "shop reconciliation", run.reconciliation());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th class=\"text\">").append(Html.escape(name)).append("</th><td class=\"text\">")
                .append(Html.escape(value)).append("</td></tr>\n");
    }

    private static void charts(StringBuilder html, Inputs in) {
        RunSeconds seconds = in.seconds();
        if (seconds == null || seconds.isEmpty()) {
            html.append("<p>No samples: nothing to draw.</p>\n");
            return;
        }
        long origin = seconds.originMs();
        PlannedShape shape = in.shape();
        List<double[]> planned = shape == null ? List.of() : shape.users(origin);
        double from = Math.min(0, planned.stream().mapToDouble(p -> p[0]).min().orElse(0));
        double to = Math.max(seconds.seconds().get(seconds.seconds().size() - 1).index() + 1,
                planned.stream().mapToDouble(p -> p[0]).max().orElse(0));

        List<double[]> users = new ArrayList<>();
        List<double[]> requests = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        List<double[]> p95 = new ArrayList<>();
        long first = seconds.seconds().get(0).index();
        int at = 0;
        for (long index = first; index <= seconds.seconds().get(seconds.seconds().size() - 1).index(); index++) {
            RunSeconds.Second second = seconds.seconds().get(at);
            double x = index + 0.5;
            if (second.index() == index) {
                at++;
                if (second.users() >= 0) {
                    users.add(new double[] {x, second.users()});
                }
                requests.add(new double[] {x, second.samples()});
                errors.add(new double[] {x, second.errors()});
                p95.add(new double[] {x, second.p95Ms()});
            } else {
                // a second in which no sample ended: nothing was served
                requests.add(new double[] {x, 0});
                errors.add(new double[] {x, 0});
            }
        }
        List<SvgChart> charts = new ArrayList<>();
        SvgChart usersChart = new SvgChart("Users: planned and running", "users")
                .series(new SvgChart.Series("planned", "#777", planned, true))
                .series(new SvgChart.Series("running (JMeter threads)", "#337ab7", users));
        charts.add(usersChart);
        charts.add(new SvgChart("Requests per second", "per second")
                .series(new SvgChart.Series("req/s", "#337ab7", requests))
                .series(new SvgChart.Series("errors/s", "#d9534f", errors)));
        charts.add(new SvgChart("p95 response time, per second", "ms")
                .series(new SvgChart.Series("p95 of the samples that ended in the second", "#8e44ad", p95)));
        List<LoadSample> machine = in.machine() == null ? List.of() : in.machine().samples();
        SvgChart cpu = new SvgChart("Load machine CPU", "% of all CPUs")
                // a sample covers the second before its time
                .series(new SvgChart.Series("load machine", "#337ab7", points(machine, origin, LoadSample::cpuPercent)))
                .series(new SvgChart.Series("shop process", "#d9534f",
                        points(machine, origin, LoadSample::processCpuPercent)));
        charts.add(cpu);
        if (shape != null) {
            int stage = 1;
            for (double[] start : shape.stageStarts(origin)) {
                stage++;
                String name = "stage " + stage + ": " + (int) start[1];
                charts.forEach(chart -> chart.marker(start[0], name));
            }
        }
        html.append("<h2>The run, second by second</h2>\n<p>One time axis, seconds from the first sample")
                .append(shape != null && shape.stages().size() > 1 ? "; dashed verticals: a stage begins" : "")
                .append(". Samples count in the second they ended in; p95 is nearest rank over them.")
                .append(machine.isEmpty() ? " No load-machine samples cover this run." : "").append("</p>\n");
        html.append(usersChart.xRange(from, to).render(top(planned, users)));
        html.append(charts.get(1).xRange(from, to).render(top(requests, errors)));
        html.append(charts.get(2).xRange(from, to).render(top(p95)));
        html.append(cpu.xRange(from, to).render(Math.min(100, SvgChart.niceCeiling(
                1.1 * machine.stream().mapToDouble(LoadSample::cpuPercent).max().orElse(1)))));
    }

    @SafeVarargs
    private static double top(List<double[]>... series) {
        double highest = 0;
        for (List<double[]> points : series) {
            for (double[] point : points) {
                highest = Math.max(highest, point[1]);
            }
        }
        return SvgChart.niceCeiling(highest * 1.1);
    }

    private static List<double[]> points(List<LoadSample> samples, long origin, ToDoubleFunction<LoadSample> value) {
        return samples.stream().filter(s -> value.applyAsDouble(s) >= 0)
                .map(s -> new double[] {(s.timestampMillis() - origin) / 1000.0 - 0.5, value.applyAsDouble(s)})
                .toList();
    }

    private static void stages(StringBuilder html, JsonNode summary) {
        if (summary == null || summary.path("stages").isEmpty()) {
            return;
        }
        html.append("<h2>Stages</h2>\n<p>Ramps apart from plateaus; each plateau judged against the plan's limits "
                + "over ")
                .append("all labels.</p>\n<table>\n<tr><th>stage</th><th class=\"text\">phase</th><th>users</th>")
                .append("<th>time span s</th><th>req/s</th><th>p50</th><th>p95</th><th>p99</th><th>err %</th>")
                .append("<th>orders/s</th><th>success %</th><th class=\"text\">verdict</th></tr>\n");
        for (JsonNode stage : summary.path("stages")) {
            String verdict = stage.path("verdict").isNull() ? "–" : stage.path("verdict").asText();
            List<String> failed = new ArrayList<>();
            stage.path("failed").forEach(figure -> failed.add(figure.asText()));
            html.append("<tr><td>").append(stage.path("stage").asInt()).append("</td><td class=\"text\">")
                    .append(Html.escape(stage.path("phase").asText())).append("</td><td>")
                    .append(stage.path("users").asInt())
                    .append("</td><td>").append(PlannedShape.number(stage.path("from_s").asDouble())).append('–')
                    .append(PlannedShape.number(stage.path("until_s").asDouble())).append("</td>")
                    .append(cell(stage.path("throughput_rps"))).append(cell(stage.path("p50_ms")))
                    .append(cell(stage.path("p95_ms"))).append(cell(stage.path("p99_ms")))
                    .append(cell(stage.path("error_rate"))).append(cell(stage.path("orders_per_s")))
                    .append(cell(stage.path("success_rate")))
                    .append("<td class=\"text ")
                    .append("failed".equals(verdict) ? "fail" : "held".equals(verdict) ? "pass" : "")
                    .append("\">")
                    .append(Html.escape(verdict + (failed.isEmpty() ? "" : ": " + String.join(", ", failed))))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (summary.path("capacity").isTextual()) {
            html.append("<p><b>Capacity:</b> ").append(Html.escape(summary.path("capacity").asText())).append("</p>\n");
        }
    }

    private static void thresholds(StringBuilder html, JsonNode summary) {
        if (summary == null || summary.path("thresholds").isEmpty()) {
            return;
        }
        html.append("<h2>Checks of the order summary</h2>\n<table>\n<tr><th class=\"text\">check</th><th>limit</th>")
                .append("<th>actual</th><th class=\"text\">result</th></tr>\n");
        for (JsonNode check : summary.path("thresholds")) {
            boolean passed = check.path("passed").asBoolean(false);
            html.append("<tr><td class=\"text\">").append(Html.escape(check.path("name").asText()))
                    .append(check.hasNonNull("detail")
                            ? "<br><small>" + Html.escape(check.path("detail").asText()) + "</small>" : "")
                    .append("</td>").append(cell(check.path("limit"))).append(cell(check.path("actual")))
                    .append("<td class=\"text ").append(passed ? "pass\">passed" : "fail\">FAILED")
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String cell(JsonNode value) {
        return "<td>" + (value.isNumber() ? Html.escape(PlannedShape.number(value.asDouble())) : "–") + "</td>";
    }

    private static String percent(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.2f %%", value.asDouble()) : "–";
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String linkName(String link) {
        return switch (link) {
            case "dashboard/index.html" -> "JMeter dashboard";
            case "dashboard/" + LoadMachinePage.FILE_NAME -> "load machine";
            default -> link;
        };
    }
}
