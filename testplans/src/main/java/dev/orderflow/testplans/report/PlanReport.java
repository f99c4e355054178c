package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Files one plan's run under reports/&lt;plan&gt;/&lt;date&gt;/ (dashboard/, results.csv, summary.json,
 * summary.txt, load-machine.csv, jmeter.log, run.json) and decides whether it passed: the plugin's verdict
 * on its thresholds, the summary's agreement with the results file, the shop's reconciliation and, for a
 * distributed run, the users over all engines.
 */
public final class PlanReport {

    /** Load-machine samples kept before the first sample when JMeter's start is not in its log. */
    static final long BASELINE_MS = 5_000;
    /** Samples kept before JMeter's start, so the page shows the machine as JMeter found it. */
    static final long LEAD_MS = 2_000;
    static final long TAIL_MS = 2_000;

    private PlanReport() {
    }

    /**
     * Where a plan's run left its files, and what the run expected of it.
     *
     * @param plan          the plan's name
     * @param startedAt     the run's stamp, {@code yyyyMMdd-HHmmss}
     * @param engines       engines the plan ran on (1 when local)
     * @param scale         the scale it ran at, or null at full scale
     * @param expectedUsers users in total the plan must start once each (one-iteration distributed plans)
     * @param userLabel     the label each user produces once
     * @param adminKeyGiven whether the run could reconcile with the shop
     * @param target        the shop's base URL
     */
    public record Inputs(
            String plan, String startedAt, int engines, String scale, OptionalInt expectedUsers, String userLabel,
            boolean adminKeyGiven, String target, boolean oneIteration, BaselineSettings baseline,
            Path resultsCsv, Path dashboard, Path summaryDir, Path jmeterLog, Path loadMachineCsv,
            Path java, Path jmeterHome) {
    }

    public static RunRecord file(Inputs in, Path reports) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(reports.resolve(in.plan()).resolve(in.startedAt()));
        List<String> failures = new ArrayList<>();

        ResultsFile results = null;
        if (Files.isRegularFile(in.resultsCsv())) {
            Files.copy(in.resultsCsv(), folder.resolve("results.csv"), StandardCopyOption.REPLACE_EXISTING);
            results = ResultsFile.read(in.resultsCsv());
            if (results.samples() == 0) {
                failures.add("the results file holds no sample");
            }
        } else {
            failures.add("no results file: the plan did not run (see " + in.jmeterLog() + ")");
        }
        copyIfThere(in.jmeterLog(), folder.resolve("jmeter.log"));

        String dashboardLink = null;
        Optional<DashboardStatistics> statistics = Optional.empty();
        Path dashboard = folder.resolve("dashboard");
        LoadMachineSeries machine = new LoadMachineSeries(List.of());
        String dashboardNote = null;
        if (!Files.isRegularFile(in.dashboard().resolve("index.html")) && results != null && results.samples() > 0) {
            // JMeter ended without its end of run (an engine lost, a signal): the samples it kept still deserve one
            Optional<String> notGenerated = DashboardAfterwards.generate(in.java(), in.jmeterHome(), in.resultsCsv(),
                    in.dashboard(), folder.resolve("dashboard-generation.log"));
            dashboardNote = notGenerated.orElse(null);
        }
        if (Files.isRegularFile(in.dashboard().resolve("index.html"))) {
            move(in.dashboard(), dashboard);
            statistics = DashboardStatistics.read(dashboard);
            dashboardLink = in.plan() + "/" + in.startedAt() + "/dashboard/index.html";
            if (results != null && results.samples() > 0) {
                LoadPhases phases = LoadPhases.read(in.loadMachineCsv(), in.jmeterLog(),
                        results.firstStartMs(), results.lastEndMs());
                // a sample covers the second before its time: the baseline's first whole second ends 1 s in
                LoadMachineSeries baseline = phases.hasBaseline()
                        ? LoadMachineSeries.read(in.loadMachineCsv(), phases.baselineFromMs() + 1000,
                                phases.baselineToMs())
                        : new LoadMachineSeries(List.of());
                long from = (phases.hasJMeterStart() ? phases.jmeterStartMs() : results.firstStartMs() - BASELINE_MS)
                        - LEAD_MS;
                LoadMachineSeries series = LoadMachineSeries.read(in.loadMachineCsv(), from,
                        results.lastEndMs() + TAIL_MS);
                new LoadMachineSeries(concat(baseline.samples(), series.samples()))
                        .write(folder.resolve("load-machine.csv"));
                LoadMachinePage.write(dashboard, in.plan(), baseline, series, phases);
                machine = series.between(results.firstStartMs(), results.lastEndMs() + 1000);
                DashboardLink.addTo(dashboard);
            }
        } else {
            failures.add("no HTML dashboard was generated" + (dashboardNote == null ? "" : ": " + dashboardNote));
        }

        JsonNode summary = null;
        Path summaryJson = in.summaryDir().resolve("summary.json");
        copyIfThere(in.summaryDir().resolve("summary.txt"), folder.resolve("summary.txt"));
        String reconciliation = "–";
        if (Files.isRegularFile(summaryJson)) {
            Files.copy(summaryJson, folder.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING);
            summary = new ObjectMapper().readTree(summaryJson.toFile());
            VerdictRunner.Verdict verdict = VerdictRunner.check(in.java(), in.jmeterHome(),
                    folder.resolve("summary.json"));
            System.out.println(verdict.output());
            if (!verdict.passed()) {
                failures.add("VerdictCheck exit " + verdict.exitStatus() + ": " + verdict.output().replace('\n', ' '));
            }
            if (results != null) {
                failures.addAll(SummaryChecks.agreement(summary, results));
                if (in.engines() > 1) {
                    failures.addAll(SummaryChecks.clusterUsers(summary, results, in.engines(), in.expectedUsers(),
                            in.userLabel()));
                }
            }
            SummaryChecks.Reconciliation shop = SummaryChecks.reconciliation(summary, in.adminKeyGiven());
            reconciliation = shop.account();
            failures.addAll(shop.problems());
        } else {
            failures.add("no summary.json in " + in.summaryDir() + ": the order summary listener did not write one");
        }

        PlannedShape shape = PlannedShape.of(summary);
        List<String> notes = new ArrayList<>();
        RunPage.Comparison comparison = null;
        RunRecord record = record(in, summary, statistics, reconciliation, failures, dashboardLink, results,
                shape, null, notes);
        List<RunRecord> earlier = ReportIndex.collect(reports).stream()
                .filter(run -> !run.startedAt().equals(in.startedAt()) || !run.plan().equals(in.plan())).toList();
        if (in.baseline().requested()) {
            BaselineSettings.Choice choice = in.baseline().choose(record, earlier,
                    reports.toAbsolutePath().getParent(), reports);
            if (choice.failure() != null) {
                failures.add(choice.failure());
            } else if (choice.note() != null) {
                notes.add(choice.note());
            } else {
                RunComparison against = new RunComparison(record, choice.baseline());
                against.regressions(in.baseline()).forEach(regression ->
                        failures.add("against the baseline " + choice.baseline().folder() + ": " + regression));
                against.notCompared().forEach(figure -> notes.add("not compared with the baseline: " + figure));
                comparison = new RunPage.Comparison(against, true, in.baseline());
            }
            record = record(in, summary, statistics, reconciliation, failures, dashboardLink, results, shape,
                    comparison == null ? null : comparison.comparison().baseline().folder(), notes);
        }
        if (comparison == null) {
            RunRecord current = record;
            comparison = RunComparison.previous(earlier, record)
                    .map(previous -> new RunPage.Comparison(new RunComparison(current, previous), false, in.baseline()))
                    .orElse(null);
        }
        record.write(folder.resolve(RunRecord.FILE_NAME));
        RunSeconds seconds = results == null || results.samples() == 0 ? null
                : RunSeconds.read(folder.resolve("results.csv"), results.firstStartMs());
        RunPage.write(folder, new RunPage.Inputs(record, summary, seconds, shape, machine, comparison, links(folder)));
        return record;
    }

    private static RunRecord record(Inputs in, JsonNode summary, Optional<DashboardStatistics> statistics,
                                    String reconciliation, List<String> failures, String dashboardLink,
                                    ResultsFile results, PlannedShape shape, String baseline, List<String> notes) {
        return new RunRecord(
                in.plan(), in.startedAt(), in.engines(), in.scale() == null ? "full" : in.scale(),
                summary == null || !summary.path("users").isNumber() ? null : summary.path("users").asInt(),
                summary == null || !summary.path("spawn_rate").isNumber() ? null
                        : summary.path("spawn_rate").asDouble(),
                statistics.map(DashboardStatistics::throughput).orElse(number(summary, "throughput_rps")),
                statistics.map(DashboardStatistics::meanMs).orElse(null),
                statistics.map(DashboardStatistics::p95Ms).orElse(null),
                successRate(summary),
                reconciliation,
                failures.isEmpty() ? "pass" : "fail",
                List.copyOf(failures),
                dashboardLink,
                in.target(),
                Incompleteness.of(results != null, summary),
                shape != null && !shape.stages().isEmpty() ? shape.describe(in.oneIteration())
                        : PlannedShape.describeFromSummary(summary),
                in.plan() + "/" + in.startedAt() + "/" + RunPage.FILE_NAME,
                baseline,
                notes);
    }

    /** The files of the run's folder its page links to, those that are there. */
    private static List<String> links(Path folder) {
        return Stream.of("dashboard/index.html", "dashboard/" + LoadMachinePage.FILE_NAME, "summary.txt",
                        "summary.json", "results.csv", "load-machine.csv", "jmeter.log")
                .filter(link -> Files.isRegularFile(folder.resolve(link)))
                .toList();
    }

    private static Double successRate(JsonNode summary) {
        if (summary == null) {
            return null;
        }
        if (summary.path("orders_attempted").asLong(0) > 0) {
            return number(summary, "success_rate");
        }
        Double errorRate = number(summary, "error_rate");
        return errorRate == null ? null : 100 - errorRate;
    }

    private static Double number(JsonNode node, String field) {
        return node == null || !node.path(field).isNumber() ? null : node.path(field).asDouble();
    }

    private static void copyIfThere(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Moves a folder; across file systems (reports/ elsewhere) by copying it and deleting the original. */
    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException acrossFileSystems) {
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
