package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.timers.ConstantTimer;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.sampler.PageSampler;
import dev.orderflow.jmeter.testing.LoopbackCluster;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;

/**
 * Runs that do not end as planned, each JMeter its own JVM, the users getting a page from a real HTTP server in
 * this JVM. A distributed run (engines and controller on loopback over RMI with SSL) whose engine is killed
 * (SIGKILL) mid-run: JMeter alone would keep the controller waiting forever; with the order summary listener it
 * ends, fails, and says why. A controller whose engine cannot be reached. A run whose JMeter gets SIGTERM.
 */
class UnfinishedRunTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Long enough for an engine killed early in it to be found lost while the other still runs. */
    private static final int RUN_SECONDS = 15;
    /** How long the controller gives a silent engine here: the default 15 s would only make each case longer. */
    private static final String LOST_AFTER = "-Jorderflow.engine_lost_after=5";

    private final LoopbackCluster cluster = new LoopbackCluster();
    private HttpServer shop;

    @AfterEach
    void stopEverything() throws InterruptedException {
        cluster.close();
        if (shop != null) {
            shop.stop(0);
        }
    }

    @ParameterizedTest(name = "an engine that gets SIG{0}")
    @ValueSource(strings = {"KILL", "STOP"})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aControllerWhoseEngineDiesOrHangsMidRunEndsWithAVerdictNamingTheLostEngine(String signal, @TempDir Path work)
            throws Exception {
        AtomicInteger requests = startShop();
        Path keystore = LoopbackCluster.createKeystore(work);
        Path summaryDir = work.resolve("summary");
        Path plan = writePlan(work, summaryDir);
        LoopbackCluster.Engines started = cluster.startEngines(work, keystore, 2, START_TIMEOUT);
        List<String> remotes = started.addresses();
        List<LoopbackCluster.Child> engines = started.children();
        String remoteList = started.remoteList();
        Path results = work.resolve("results.csv");
        LoopbackCluster.Child controller = cluster.start(work, "controller", keystore, null,
                "-Djava.rmi.server.hostname=127.0.0.1", "org.apache.jmeter.NewDriver", "-n", "-t", plan.toString(),
                "-l", results.toString(), "-R", remoteList, "-Gorderflow.engines=" + remoteList,
                "-Gport=" + shop.getAddress().getPort(), "-Jjmeter.save.saveservice.output_format=csv", LOST_AFTER);

        // both engines load the shop, then the second one dies without a word, or hangs (SIGSTOP: its sockets
        // still accept connections, nothing answers)
        while (requests.get() < 40) {
            assertThat(controller.process().isAlive()).as("controller still running\n%s", controller.output()).isTrue();
            Thread.sleep(100);
        }
        Process lost = engines.get(1).process();
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(lost.pid())).start().waitFor()).isZero();
        long killedAt = System.nanoTime();
        java.time.Instant killedAtClock = java.time.Instant.now();

        // the surviving engine ends at the run's end; the controller must not wait beyond that for the lost one
        assertThat(controller.process().waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS))
                .as("controller ended\n%s", controller.output()).isTrue();
        double killToEndSeconds = (System.nanoTime() - killedAt) / 1e9;
        String output = controller.output();
        System.out.printf("engine got SIG%s at %s, controller ended %.1f s later; it said: %s%n", signal, // NOSONAR
                killedAtClock, killToEndSeconds,
                output.lines().filter(l -> l.contains("lost at")).findFirst().orElse(""));
        assertThat(controller.process().exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("engine 2 of 2 (" + remotes.get(1) + ") lost at")
                .contains("the run goes on without it");

        JsonNode summary = new ObjectMapper().readTree(summaryDir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        List<String> failed = new ArrayList<>();
        summary.path("thresholds").forEach(check -> {
            if (!check.path("passed").asBoolean()) {
                failed.add(check.path("name").asText() + ": " + check.path("detail").asText());
            }
        });
        assertThat(failed).as(output).anySatisfy(check -> assertThat(check)
                .startsWith(EngineLoss.CHECK_NAME + ": engine 2 of 2 (" + remotes.get(1) + ") lost at")
                .containsPattern("no answer since \\d\\d:\\d\\d:\\d\\d UTC")
                .containsPattern("it carried 2 user\\(s\\), [0-2] of whom had samples reach the controller"));
        assertThat(failed).anySatisfy(check -> assertThat(check).contains("no load report from engine(s) 2 of 2"));

        // every sample that reached the controller is in the closed results file, the surviving engine's report too
        List<Map<String, String>> lines = LoopbackCluster.readCsv(results);
        long pages = lines.stream().filter(r -> "index".equals(r.get("label"))).count();
        assertThat(pages).as(output).isEqualTo(summary.path("samples").asLong()).isPositive();
        assertThat(lines).filteredOn(r -> LoadReport.LABEL.equals(r.get("label")))
                .filteredOn(r -> !LoadPlanNotice.CODE.equals(r.get("responseCode"))).as("load reports").hasSize(1);
        assertThat(Files.readString(results, StandardCharsets.UTF_8)).endsWith("\n");
    }

    /**
     * The controller reaches both engines, then the one it starts last dies (SIGKILL) or hangs (SIGSTOP: its ports
     * accept connections, nothing answers) before the test starts on it. Killed, JMeter reports it "has not started"
     * and waits for its end forever (or, having ended the RMI thread that kept it up, exits 0 without a summary);
     * hung, JMeter's start waits for its answer forever. The listener, watching the engines from the moment the
     * controller starts them, finds it lost and ends the run when the other engine ends, with a verdict naming it.
     */
    @ParameterizedTest(name = "an engine that gets SIG{0} before its test starts")
    @ValueSource(strings = {"KILL", "STOP"})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aControllerWhoseEngineDiesOrHangsBeforeItsTestStartsEndsWithAVerdictNamingIt(String signal,
            @TempDir Path work) throws Exception {
        startShop();
        Path keystore = LoopbackCluster.createKeystore(work);
        Path summaryDir = work.resolve("summary");
        Path plan = writePlan(work, summaryDir);
        LoopbackCluster.Engines started = cluster.startEngines(work, keystore, 2, START_TIMEOUT);
        List<String> remotes = started.addresses();
        List<LoopbackCluster.Child> engines = started.children();
        String remoteList = started.remoteList();
        LoopbackCluster.Child controller = cluster.start(work, "controller", keystore, null,
                "-Djava.rmi.server.hostname=127.0.0.1", "org.apache.jmeter.NewDriver", "-n",
                "-t", plan.toString(), "-l", work.resolve("results.csv").toString(), "-R", remoteList,
                "-Gorderflow.engines=" + remoteList, "-Gport=" + shop.getAddress().getPort(),
                "-Jjmeter.save.saveservice.output_format=csv", LOST_AFTER);

        // the controller has found both engines in their registries and starts the test on them one after another,
        // in the order it prints: the last one dies before its turn
        Pattern starting = Pattern.compile("Starting distributed test with remote engines: \\[([^\\]]+)\\]");
        Matcher order;
        while (!(order = starting.matcher(controller.output())).find()) {
            assertThat(controller.process().isAlive()).as(controller.output()).isTrue();
            Thread.sleep(1);
        }
        String[] startOrder = order.group(1).split(",\\s*");
        String victim = startOrder[startOrder.length - 1];
        Process dying = engines.get(remotes.indexOf(victim)).process();
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(dying.pid())).start().waitFor()).isZero();
        long killedAt = System.nanoTime();

        assertThat(controller.process().waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS))
                .as("controller ended\n%s", controller.output()).isTrue();
        String output = controller.output();
        System.out.printf("engine got SIG%s before its test started: controller ended %.1f s later; it said: %s%n",
                signal, (System.nanoTime() - killedAt) / 1e9, // NOSONAR the figure
                output.lines().filter(l -> l.contains("lost at")).findFirst().orElse(""));
        if (signal.equals("KILL")) {
            assertThat(output).as("the engine died before its test started").contains(
                    "The following remote engines have not started:[" + victim + "]");
        }
        assertThat(controller.process().exitValue()).as(output).isEqualTo(1);
        String named = "engine " + (remotes.indexOf(victim) + 1) + " of 2 (" + victim + ") lost at";
        assertThat(output).contains(named).as("its test never ran").contains("it carried 2 user(s), 0 of whom");
        JsonNode summary = new ObjectMapper().readTree(summaryDir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(summary.path("thresholds").toString()).contains(named);
        new ProcessBuilder("kill", "-CONT", Long.toString(dying.pid())).start().waitFor();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aControllerWhoseEngineCannotBeReachedFailsWithinSecondsNamingIt(@TempDir Path work) throws Exception {
        startShop();
        Path keystore = LoopbackCluster.createKeystore(work);
        Path plan = writePlan(work, work.resolve("summary"));
        String nobody = "127.0.0.1:" + LoopbackCluster.freePort();
        long started = System.nanoTime();
        LoopbackCluster.Child controller = cluster.start(work, "controller", keystore, null,
                "-Djava.rmi.server.hostname=127.0.0.1", "org.apache.jmeter.NewDriver", "-n", "-t", plan.toString(),
                "-l", work.resolve("results.csv").toString(), "-R", nobody, "-Gorderflow.engines=" + nobody);

        assertThat(controller.process().waitFor(60, TimeUnit.SECONDS)).as(controller.output()).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("unreachable engine: controller ended after %.1f s%n", seconds); // NOSONAR the figure
        assertThat(controller.process().exitValue()).as(controller.output()).isNotZero();
        assertThat(controller.output()).contains("Failed to configure " + nobody);
        assertThat(seconds).isLessThan(30);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRunWhoseJMeterIsTerminatedWritesTheSummaryOfWhatItCollectedMarkedIncomplete(@TempDir Path work)
            throws Exception {
        AtomicInteger requests = startShop();
        Path summaryDir = work.resolve("summary");
        Path plan = writePlan(work, summaryDir);
        Path results = work.resolve("results.csv");
        LoopbackCluster.Child jmeter = cluster.start(work, "jmeter", work.resolve("no-keystore.jks"), null,
                "org.apache.jmeter.NewDriver", "-n", "-t", plan.toString(), "-l", results.toString(),
                "-Jport=" + shop.getAddress().getPort(), "-Jjmeter.save.saveservice.output_format=csv");
        while (requests.get() < 30) {
            assertThat(jmeter.process().isAlive()).as("JMeter still running\n%s", jmeter.output()).isTrue();
            Thread.sleep(100);
        }

        jmeter.process().destroy(); // SIGTERM, as a CI job's cancel or Ctrl-C's neighbour sends it

        assertThat(jmeter.process().waitFor(30, TimeUnit.SECONDS)).as(jmeter.output()).isTrue();
        JsonNode summary = new ObjectMapper().readTree(summaryDir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        List<String> failed = new ArrayList<>();
        summary.path("thresholds").forEach(check -> {
            if (!check.path("passed").asBoolean()) {
                failed.add(check.path("name").asText() + ": " + check.path("detail").asText());
            }
        });
        assertThat(failed).as(jmeter.output()).anySatisfy(check -> assertThat(check)
                .startsWith(Interruption.CHECK_NAME + ": JMeter was ended at").contains("the run is incomplete"));
        // JMeter's own hook closes the results file meanwhile: both hold what was collected, the users' last
        // samples racing the two hooks
        long pages = LoopbackCluster.readCsv(results).stream().filter(r -> "index".equals(r.get("label"))).count();
        assertThat(pages).as(jmeter.output()).isPositive();
        assertThat(summary.path("samples").asLong()).as(jmeter.output()).isGreaterThanOrEqualTo(30);
    }

    private AtomicInteger startShop() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        shop.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<html/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        shop.setExecutor(Executors.newFixedThreadPool(4));
        shop.start();
        return requests;
    }

    /** Four users (two per engine) getting the index page with a pause between, for the run time; a summary. */
    private static Path writePlan(Path work, Path summaryDir) throws IOException {
        OrderFlowThreadGroup group = Plans.timedUsers(4, RUN_SECONDS);
        group.setProperty(TestElement.GUI_CLASS, "dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui");
        ShopConnection connection = Plans.shopConnection(1, Map.of(ShopConnectionSchema.PORT, "${__P(port,1)}"));
        connection.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.testbeans.gui.TestBeanGUI");
        PageSampler page = Plans.named(new PageSampler(), "index");
        page.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.testbeans.gui.TestBeanGUI");
        OrderSummaryListener listener = TestPlans.listener(summaryDir);
        ConstantTimer pause = new ConstantTimer();
        pause.setName("pause");
        pause.setDelay("200");
        pause.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.timers.gui.ConstantTimerGui");
        pause.setProperty(TestElement.TEST_CLASS, ConstantTimer.class.getName());
        HashTree tree = Plans.plan(group, new TestElement[] {connection, listener}, page, pause);
        Path plan = work.resolve("engine-loss.jmx");
        try (OutputStream out = Files.newOutputStream(plan)) {
            SaveService.saveTree(tree, out);
        }
        return plan;
    }
}
