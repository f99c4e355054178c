package dev.orderflow.testplans.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run as the build starts it, with the JMeter home the build's jmeter:configure made (so after the build's own
 * run, in post-integration-test), stopped from outside:
 * <ul>
 *   <li>Ctrl-C: SIGINT to the run's process group, as a terminal sends it to the build, the run, its JMeter and
 *       the shop. The run must still file the report of what was collected, marked incomplete with the reason;</li>
 *   <li>an engine whose address drops every packet: the run must fail within seconds naming it, where a
 *       connection to it would wait for the system's connect timeout (about 2 minutes);</li>
 *   <li>an engine that accepts connections but never answers (hung): the same, where JMeter's controller would
 *       wait for its SSL handshake forever.</li>
 * </ul>
 */
class RunInterruptedIT {

    private static final Path ROOT = Path.of(System.getProperty("orderflow.test.root", "..")).toAbsolutePath();
    private static final Path PLANS =
            Path.of(System.getProperty("orderflow.test.plansDir", "src/test/jmeter")).toAbsolutePath();
    private static final Path CONFIG_JSON = Path.of(System.getProperty("orderflow.test.configJson",
            "target/config.json")).toAbsolutePath();
    private static final Path KEYSTORE = Path.of(System.getProperty("orderflow.test.keystore",
            "rmi_keystore.jks")).toAbsolutePath();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void ctrlCWhileAPlanRunsStillFilesItsReportMarkedIncomplete(@TempDir Path dir) throws Exception {
        Path jmeterOutput = dir.resolve("jmeter");
        Path reports = dir.resolve("reports");
        // the stepped shape at a fifth of its time: two minutes of load, interrupted well before its end
        Process run = start(dir, "--plan=stepped", "--scale=0.1", "--timescale=0.2");
        Path results = jmeterOutput.resolve("results").resolve("stepped.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (lines(results) < 100) {
            assertThat(run.isAlive()).as("the run is running\n%s", output(dir)).isTrue();
            assertThat(System.nanoTime()).as("samples in the results file\n%s", output(dir)).isLessThan(deadline);
            Thread.sleep(200);
        }

        long interruptedAt = System.nanoTime();
        signalGroup("INT", run.pid()); // what Ctrl-C in the build's terminal does
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as(output(dir)).isTrue();
        double seconds = (System.nanoTime() - interruptedAt) / 1e9;
        System.out.printf("Ctrl-C to the run: its report was filed and the run ended %.1f s later%n", seconds);

        assertThat(run.exitValue()).as(output(dir)).isNotZero();
        Path folder;
        try (Stream<Path> runs = Files.list(reports.resolve("stepped"))) {
            folder = runs.findFirst().orElseThrow();
        }
        JsonNode record = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertThat(record.path("verdict").asText()).isEqualTo("fail");
        assertThat(record.path("incomplete").asText()).as(output(dir))
                .contains("interrupted: JMeter was ended at").contains("the run is incomplete");
        assertThat(lines(folder.resolve("results.csv"))).isGreaterThanOrEqualTo(100);
        assertThat(folder.resolve("summary.json")).isRegularFile();
        assertThat(folder.resolve("dashboard").resolve("index.html")).as("the dashboard made from what was collected")
                .isRegularFile();
        assertThat(Files.readString(reports.resolve("index.html"))).contains("incomplete");
        assertThat(output(dir)).contains("orderflow: stopping the run: the build was ended (Ctrl-C or SIGTERM)");
        assertThat(processesOf(run)).as("nothing the run started outlives it").isEmpty();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anEngineWhoseAddressDropsEveryPacketFailsTheRunWithinSecondsNamingIt(@TempDir Path dir) throws Exception {
        try (SilentAddress silent = SilentAddress.create()) {
            String engine = silent.address() + ":1099";
            long started = System.nanoTime();
            Process run = start(dir, "--plan=test4", "--remote=" + engine, "--host=127.0.0.1", "--port=9");
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as(output(dir)).isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("an engine whose address drops every packet: the run failed %.1f s after it started%n",
                    seconds);
            assertThat(run.exitValue()).isEqualTo(1);
            assertThat(output(dir))
                    .contains("the engine " + silent.address() + ":1099 could not be reached: no answer within");
            assertThat(seconds).isLessThan(30);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anEngineThatAcceptsConnectionsButNeverAnswersFailsTheRunWithinSecondsNamingIt(@TempDir Path dir)
            throws Exception {
        // a hung engine (SIGSTOP): the system accepts its connections, nothing ever answers
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String engine = "127.0.0.1:" + hung.getLocalPort();
            long started = System.nanoTime();
            Process run = start(dir, "--plan=test4", "--remote=" + engine, "--host=127.0.0.1", "--port=9");
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as(output(dir)).isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("a hung engine: the run failed %.1f s after it started%n", seconds);
            assertThat(run.exitValue()).isEqualTo(1);
            assertThat(output(dir)).contains("the engine " + engine + " could not be reached: no answer within");
            assertThat(seconds).isLessThan(30);
        }
    }

    private static Process start(Path dir, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                // a build started in the background ignores SIGINT, and its children inherit that: as in a terminal,
                // the run must take SIGINT's default
                "python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                        + "os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), RunPlans.class.getName(),
                "--run-dir=" + dir.resolve("orderflow-run"), "--root=" + ROOT, "--plans-dir=" + PLANS,
                "--config-json=" + CONFIG_JSON, "--keystore=" + KEYSTORE,
                "--jmeter-output=" + dir.resolve("jmeter"), "--reports=" + dir.resolve("reports")));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("run.out").toFile())
                .start();
    }

    /** Sends a signal to every process of the group the run leads, as a terminal does to its foreground job. */
    private static void signalGroup(String signal, long leader) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, "--", "-" + leader).start().waitFor()).isZero();
    }

    private static List<Long> processesOf(Process run) throws IOException {
        List<Long> left = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[2]) == run.pid()) { // its process group
                        left.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return left;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static String output(Path dir) throws IOException {
        Path out = dir.resolve("run.out");
        return Files.isRegularFile(out) ? Files.readString(out) : "";
    }
}
