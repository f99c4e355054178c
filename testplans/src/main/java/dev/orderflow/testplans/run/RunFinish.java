package dev.orderflow.testplans.run;

import dev.orderflow.testplans.report.BaselineSettings;
import dev.orderflow.testplans.report.PlanReport;
import dev.orderflow.testplans.report.ReportIndex;
import dev.orderflow.testplans.report.RunRecord;
import dev.orderflow.testplans.run.RunDescription.PlannedRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Build step after the plans ran: stops the engines and the shop, files each plan's report under reports/,
 * rewrites reports/index.html and exits 1, failing the build, when any plan failed a threshold or a check.
 *
 * <p>Usage: {@code RunFinish <run dir> <config.json> <reports dir> <jmeter output dir>}.
 */
public final class RunFinish {

    private RunFinish() {
    }

    public static void main(String[] args) throws Exception {
        RunLayout layout = RunLayout.of(Path.of(args[0]));
        Path configJson = Path.of(args[1]);
        Path reports = Path.of(args[2]);
        Path jmeterOutput = Path.of(args[3]);

        stop(new Markers(layout.runDir(), EngineHost.NAME), "the loopback engines");
        stop(new Markers(layout.runDir(), RunHost.NAME), "the run host (load-machine sampler, reference shop)");
        // the plans and the shop have read the admin key: it need not outlive the run on disk
        Files.deleteIfExists(layout.adminKeyFile());

        BaselineSettings baseline = BaselineSettings.from(System.getenv());
        RunDescription run = RunDescription.read(layout.runJson());
        JMeterHome home = JMeterHome.fromConfig(configJson);
        Files.createDirectories(reports);
        List<RunRecord> records = new ArrayList<>();
        for (PlannedRun plan : run.plans()) {
            RunRecord record = PlanReport.file(inputs(run, plan, layout, jmeterOutput, home, baseline), reports);
            records.add(record);
        }
        ReportIndex.write(reports);

        System.out.println();
        System.out.println("orderflow: " + records.size() + " plan(s) run, reports in " + reports.resolve(ReportIndex.FILE_NAME));
        long failed = 0;
        for (RunRecord record : records) {
            System.out.printf("  %-12s %s  users %s, %s req/s, mean %s ms, p95 %s ms, success %s %%, shop %s%n",
                    record.plan(), record.verdict().toUpperCase(), record.users(), round(record.requestsPerSecond()),
                    round(record.meanMs()), round(record.p95Ms()), round(record.successRate()), record.reconciliation());
            for (String failure : record.failures()) {
                System.out.println("      - " + failure);
            }
            System.out.println("      report: " + reports.resolve(record.page()));
            for (String note : record.notes()) {
                System.out.println("      note: " + note);
            }
            if (record.incomplete() != null) {
                System.out.println("      incomplete, its report holds what was collected: " + record.incomplete());
            }
            failed += record.passed() ? 0 : 1;
        }
        // the closing line any CI reads: how many plans passed and failed
        System.out.println((records.size() - failed) + " passed, " + failed + " failed");
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static PlanReport.Inputs inputs(RunDescription run, PlannedRun plan, RunLayout layout, Path jmeterOutput,
                                            JMeterHome home, BaselineSettings baseline) {
        PlanCatalog.Plan row = PlanCatalog.named(plan.name()).orElseThrow();
        String scale = run.passed().get("scale");
        int engines = plan.distributed() ? plan.engines().size() : 1;
        OptionalInt expectedUsers = row.oneIteration()
                ? OptionalInt.of(row.usersAt(scale == null ? 1 : Double.parseDouble(scale)))
                : OptionalInt.empty();
        return new PlanReport.Inputs(
                plan.name(), run.startedAt(), engines, scale, expectedUsers, row.userLabel(),
                run.target().reconciled(), run.target().baseUrl(), row.oneIteration(), baseline,
                jmeterOutput.resolve("results").resolve(plan.name() + ".csv"),
                jmeterOutput.resolve("reports").resolve(plan.name()),
                layout.summaryDir().resolve(plan.name()),
                jmeterOutput.resolve("logs").resolve(plan.name() + ".jmx.log"),
                layout.loadMachineCsv(),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                home.dir());
    }

    /** Asks a host to stop and waits until it has: it closes what it started and exits 0. */
    private static void stop(Markers markers, String what) throws IOException, InterruptedException {
        OptionalLong pid = markers.pid();
        if (pid.isEmpty()) {
            return;
        }
        var process = ProcessHandle.of(pid.getAsLong());
        if (process.isPresent()) {
            markers.requestStop();
            Processes.awaitExit(process.get(), what);
        }
    }

    private static String round(Double value) {
        return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
