package dev.orderflow.testplans.report;

import dev.orderflow.jmeter.summary.VerdictCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing a run with -Dbaseline, as the build's last step does: the plugin's own verdict check runs in a JVM of its
 * own on the run's summary.json, then the run is held against its baseline. A regression fails the run, naming the
 * figure; the build exits 1 on any failed run (RunPlans).
 */
class BaselineVerdictTest {

    private static final long T0 = RunSecondsTest.T0;

    @TempDir
    Path dir;

    @Test
    void aP95RegressionBeyondTheLimitFailsARunThatPassedEveryThreshold() throws Exception {
        Path reports = dir.resolve("reports");
        RunComparisonTest.run("test3", "20261203-110000", "full", 1, 20.0, 298.0, 100.0, "pass")
                .write(Files.createDirectories(reports.resolve("test3/20261203-110000")).resolve(RunRecord.FILE_NAME));

        RunRecord run = PlanReport.file(inputs("20261203-120000", new BaselineSettings("last", 20, 0.9), 412.0),
                reports);

        assertThat(run.verdict()).isEqualTo("fail");
        assertThat(run.failures()).containsExactly("against the baseline test3/20261203-110000: "
                + "p95 412 ms is 38 % above the baseline's 298 ms (limit 20 %)");
        assertThat(run.baseline()).isEqualTo("test3/20261203-110000");
        String page = Files.readString(reports.resolve("test3/20261203-120000/index.html"));
        assertThat(page).contains(">FAIL</p>", "Compared with the baseline", "p95 412 ms is 38 % above");
        assertThat(RunRecord.read(reports.resolve("test3/20261203-120000/run.json"))).isEqualTo(run);
    }

    @Test
    void withinTheLimitsTheRunPassesAndWithoutAnEarlierRunLastIsANote() throws Exception {
        Path reports = dir.resolve("reports");

        RunRecord first = PlanReport.file(inputs("20261203-110000", new BaselineSettings("last", 20, 0.9), 298.0),
                reports);
        RunRecord second = PlanReport.file(inputs("20261203-120000", new BaselineSettings("last", 20, 0.9), 340.0),
                reports);

        assertThat(first.verdict()).as(String.join("; ", first.failures())).isEqualTo("pass");
        assertThat(first.notes()).singleElement().asString().startsWith("-Dbaseline=last: no earlier run of test3");
        assertThat(second.verdict()).as(String.join("; ", second.failures())).isEqualTo("pass");
        assertThat(second.baseline()).isEqualTo("test3/20261203-110000");
        assertThat(Files.readString(reports.resolve("test3/20261203-120000/index.html"))).contains("Within the limits");
    }

    /** A run of test3 as JMeter and the order summary leave it: 20 logins of 5 ms, p95 as the dashboard gives it. */
    private PlanReport.Inputs inputs(String startedAt, BaselineSettings baseline, double dashboardP95)
            throws Exception {
        Path run = Files.createDirectories(dir.resolve("run-" + startedAt));
        List<String> lines = new ArrayList<>(List.of(RunSecondsTest.HEADER));
        for (int i = 0; i < 20; i++) {
            lines.add(RunSecondsTest.line(T0 + i * 50L, 5, "login", true, "users 1-" + i, 20));
        }
        Path results = Files.write(run.resolve("results.csv"), lines);
        Path summaries = Files.createDirectories(run.resolve("summary"));
        Files.writeString(summaries.resolve("summary.json"), """
                {"plan":"test3","engines":1,"users":20,"spawn_rate":20,"samples":20,"errors":0,"error_rate":0,
                 "logins":20,"orders_attempted":0,"orders_created":0,"throughput_rps":20.0,"duration_s":1.0,
                 "labels":{"login":{"count":20,"errors":0,"mean_ms":5,"p95_ms":5}},"loads":[],"stages":[],
                 "thresholds":[{"name":"max_login_failures","limit":0,"actual":0,"passed":true}],"shop":null,
                 "verdict":"pass"}
                """);
        Path dashboard = Files.createDirectories(run.resolve("dashboard"));
        Files.writeString(dashboard.resolve("index.html"),
                "<html><body><ul class=\"nav\" id=\"side-menu\"></ul></body></html>");
        Files.writeString(dashboard.resolve("statistics.json"), """
                {"Total":{"sampleCount":20,"errorPct":0.0,"meanResTime":5.0,"pct2ResTime":%s,"throughput":20.0}}
                """.formatted(dashboardP95));
        return new PlanReport.Inputs("test3", startedAt, 1, null, OptionalInt.of(20), "login", false,
                "http://127.0.0.1:8000", true, baseline, results, dashboard, summaries, run.resolve("jmeter.log"),
                run.resolve("load-machine.csv"), Path.of(System.getProperty("java.home"), "bin", "java"), jmeterHome());
    }

    /** A JMeter home whose lib/ holds what the verdict check needs: Jackson, and the plugin as a jar in lib/ext. */
    private Path jmeterHome() throws IOException, URISyntaxException {
        Path home = dir.resolve("jmeter");
        if (Files.isDirectory(home)) {
            return home;
        }
        Path ext = Files.createDirectories(home.resolve("lib/ext"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName().toString().startsWith("jackson-") && path.toString().endsWith(".jar")) {
                Files.createSymbolicLink(home.resolve("lib").resolve(path.getFileName()), path);
            }
        }
        Path plugin = Path.of(VerdictCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(plugin)) {
            // the reactor hands the plugin over as its classes folder
            try (OutputStream file = Files.newOutputStream(ext.resolve("orderflow-jmeter-plugin.jar"));
                 JarOutputStream jar = new JarOutputStream(file);
                 Stream<Path> classes = Files.walk(plugin)) {
                for (Path path : classes.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(plugin.relativize(path).toString().replace(File.separatorChar, '/')));
                    Files.copy(path, jar);
                    jar.closeEntry();
                }
            }
        } else {
            Files.createSymbolicLink(ext.resolve(plugin.getFileName()), plugin);
        }
        return home;
    }
}
