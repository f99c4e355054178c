package dev.orderflow.testplans.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** reports/index.html: every run found under reports/&lt;plan&gt;/&lt;date&gt;/run.json, newest first. */
public final class ReportIndex {

    public static final String FILE_NAME = "index.html";

    /**
     * Which percentile the p95 column is: two definitions meet in a report, and for the same samples they give
     * different figures (small runs differ most).
     */
    static final String PERCENTILES = "p95 ms is the dashboard's: JMeter's percentile over every sample of the run, "
            + "interpolated between the two samples nearest to the 95 % rank (commons-math's estimate, position "
            + "0.95 × (n + 1)). The percentiles of summary.txt and summary.json, and the max_p95_ms thresholds, are "
            + "nearest rank over every sample of a label (the smallest time at least 95 % of the samples do not "
            + "exceed; HdrHistogram, 3 significant digits), so they can be lower or higher than the dashboard's.";

    private ReportIndex() {
    }

    /** Rewrites the index from the folders; returns the runs it lists. */
    public static List<RunRecord> write(Path reports) throws IOException {
        List<RunRecord> runs = collect(reports);
        Files.createDirectories(reports);
        Files.writeString(reports.resolve(FILE_NAME), render(runs), StandardCharsets.UTF_8);
        return runs;
    }

    static List<RunRecord> collect(Path reports) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return runs;
        }
        try (Stream<Path> records = Files.find(reports, 3,
                (path, attributes) -> path.getFileName().toString().equals(RunRecord.FILE_NAME))) {
            for (Path record : records.toList()) {
                try {
                    runs.add(RunRecord.read(record));
                } catch (IOException e) {
                    System.err.println("reports index: skipping unreadable " + record + ": " + e.getMessage());
                }
            }
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).reversed().thenComparing(RunRecord::plan));
        return runs;
    }

    static String render(List<RunRecord> runs) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>orderflow reports</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#eee}")
                .append("td.text{text-align:left}.pass{color:#3c763d;font-weight:bold}.fail{color:#a94442;"
                        + "font-weight:bold}")
                .append("\n</style>\n</head>\n<body>\n<h1>orderflow reports</h1>\n")
                .append("<p>Every run under this folder, newest first. Response times over the whole run; ")
                .append("success rate: orders created of orders attempted (index page plans: samples without error). ")
                .append("Reconciliation: the orders the shop counted against the orders the run created. ")
                .append("Against the previous run: req/s and p95 in % of the previous run's of the same plan, scale "
                        + "and ")
                .append("engines, success rate in percentage points.</p>\n")
                .append("<p>").append(Html.escape(PERCENTILES)).append("</p>\n");
        if (runs.isEmpty()) {
            html.append("<p>No runs yet: <code>./mvnw -B verify -Dplan=test3</code> makes one.</p>\n");
        } else {
            html.append("<table>\n<tr><th>plan</th><th>date</th><th>engines</th><th>shape (users)</th>")
                    .append("<th>scale</th><th>req/s</th><th>mean ms</th><th>p95 ms</th><th>success %</th>")
                    .append("<th>against the previous run</th>")
                    .append("<th>shop reconciliation</th><th>verdict</th><th>report</th></tr>\n");
            for (RunRecord run : runs) {
                html.append("<tr><td class=\"text\">").append(Html.escape(run.plan())).append("</td>")
                        .append("<td class=\"text\">").append(Html.escape(date(run.startedAt()))).append("</td>")
                        .append(cell(run.engines()))
                        .append("<td class=\"text\">").append(Html.escape(shape(run))).append("</td>")
                        .append("<td>").append(Html.escape(run.scale())).append("</td>")
                        .append(cell(run.requestsPerSecond()))
                        .append(cell(run.meanMs()))
                        .append(cell(run.p95Ms()))
                        .append(cell(run.successRate()))
                        .append(change(runs, run))
                        .append("<td class=\"text\">").append(Html.escape(run.reconciliation())).append("</td>")
                        .append("<td class=\"text ").append(run.passed() ? "pass" : "fail").append("\" title=\"")
                        .append(Html.escape(String.join("; ", run.failures())
                                + (run.incomplete() == null ? "" : "; incomplete: " + run.incomplete()))).append("\">")
                        .append(Html.escape(run.verdict()))
                        .append(run.incomplete() == null ? "" : ", incomplete").append("</td>")
                        .append("<td class=\"text\">").append(link(run)).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** The planned shape, or for runs filed before it was kept, their users and spawn rate. */
    private static String shape(RunRecord run) {
        if (run.shape() != null) {
            return run.shape();
        }
        if (run.users() == null) {
            return "–";
        }
        return run.users() + " users"
                + (run.spawnRate() == null ? "" : " at " + PlannedShape.number(run.spawnRate()) + "/s");
    }

    /**
     * The run's figures against the previous comparable run's (same plan, scale and engines), and which run that was.
     */
    private static String change(List<RunRecord> runs, RunRecord run) {
        return RunComparison.previous(runs, run)
                .map(previous -> "<td class=\"text\" title=\"against " + Html.escape(previous.folder())
                        + (run.baseline() != null ? "; held against the baseline " + Html.escape(run.baseline()) : "")
                        + "\">" + Html.escape(new RunComparison(run, previous).brief()) + "</td>")
                .orElse("<td class=\"text\">first run</td>");
    }

    private static String link(RunRecord run) {
        String folder = run.plan() + "/" + run.startedAt() + "/";
        StringBuilder links = new StringBuilder();
        if (run.page() != null) {
            links.append("<a href=\"").append(Html.escape(run.page())).append("\">run</a> ");
        }
        if (run.dashboard() != null) {
            links.append("<a href=\"").append(Html.escape(run.dashboard())).append("\">dashboard</a> ");
        }
        links.append("<a href=\"").append(Html.escape(folder + "summary.txt")).append("\">summary</a>");
        return links.toString();
    }

    static String date(String stamp) {
        if (stamp == null || !stamp.matches("\\d{8}-\\d{6}")) {
            return stamp;
        }
        return stamp.substring(0, 4) + "-" + stamp.substring(4, 6) + "-" + stamp.substring(6, 8) + " "
                + stamp.substring(9, 11) + ":" + stamp.substring(11, 13) + ":" + stamp.substring(13, 15);
    }

    private static String cell(Number value) {
        if (value == null) {
            return "<td>–</td>";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "<td>" + value + "</td>";
        }
        double number = value.doubleValue();
        return "<td>" + String.format(Locale.ROOT, number >= 100 ? "%.0f" : "%.1f", number) + "</td>";
    }
}
