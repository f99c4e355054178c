package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.testing.NonGuiJMeter;
import dev.orderflow.jmeter.testing.Plans;

/**
 * {@code jmeter -n} in a child JVM: a failed threshold ends it with exit status 1, only after the results file
 * is complete and the HTML report is generated; a passed run still ends with 0; unusable settings refuse to
 * start. The plan reads its limits from {@code __P} properties, as the shipped plans do.
 */
class NonGuiExitStatusTest {

    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final int USERS = 2;
    private static final int LOOPS = 10;

    private static HttpServer server;
    private static ExecutorService handlers;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.createContext("/ok", exchange -> answer(exchange, 200));
        server.createContext("/broken", exchange -> answer(exchange, 500));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A plan like the shipped ones: every listener field a {@code __P} property with the GUI's defaults. */
    private Path plan() throws IOException {
        OrderSummaryListener listener = TestPlans.listener(dir);
        for (Setting field : OrderSummarySchema.INSTANCE.settings()) {
            field.write(listener, field.defaultValue());
        }
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        HashTree plan = Plans.plan(Plans.threadGroup(USERS, LOOPS), new TestElement[] {listener},
                TestPlans.stockGet("ok page", uri, "/ok"), TestPlans.stockGet("broken page", uri, "/broken"));
        return NonGuiJMeter.save(plan, dir.resolve("plan.jmx"));
    }

    private NonGuiJMeter.Outcome run(String... properties) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "-l", dir.resolve("results.jtl").toString(), "-e", "-o", dir.resolve("report").toString(),
                "-Jsummary_dir=" + dir.resolve("summary"), "-Jplan=exit-status"));
        for (String property : properties) {
            arguments.add("-J" + property);
        }
        return NonGuiJMeter.run(plan(), dir, BOUND, arguments.toArray(String[]::new));
    }

    @Test
    void aFailedThresholdEndsJMeterWithExitStatusOneAfterTheResultsAndTheReportAreComplete() throws Exception {
        NonGuiJMeter.Outcome outcome = run("max_error_rate=10");

        assertThat(outcome.exitStatus()).as(outcome.console()).isEqualTo(1);
        assertThat(outcome.console())
                .contains("Order Concurrency Test Results")
                .contains("Order summary: threshold failed: max_error_rate: limit 10, actual 50 (% of samples of all "
                        + "labels that failed) - FAILED")
                .contains("... end of run"); // JMeter's own last word: everything after the listeners ran
        assertThat(outcome.console().strip())
                .endsWith("... end of run\nOrder summary: the run failed 1 check(s), listed above: exit status 1");
        List<String> results = Files.readAllLines(dir.resolve("results.jtl"));
        assertThat(results).hasSize(1 + USERS * LOOPS * 2);
        assertThat(dir.resolve("report/index.html")).isNotEmptyFile();
        assertThat(dir.resolve("report/content/js/dashboard.js")).isNotEmptyFile();
        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve("summary/summary.json").toFile());
        assertThat(summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(summary.get("plan").asText()).isEqualTo("exit-status");
        assertThat(summary.get("samples").asLong()).isEqualTo(USERS * LOOPS * 2);
    }

    @Test
    void aPassedRunStillEndsWithExitStatusZero() throws Exception {
        NonGuiJMeter.Outcome outcome = run("max_error_rate=60", "max_p95_ms=60000");

        assertThat(outcome.exitStatus()).as(outcome.console()).isZero();
        assertThat(outcome.console()).contains("Order summary: verdict pass").contains("... end of run");
        assertThat(dir.resolve("report/index.html")).isNotEmptyFile();
    }

    @Test
    void unusableSettingsRefuseToStartWithExitStatusOneAndTheFieldNamed() throws Exception {
        NonGuiJMeter.Outcome outcome = run("min_success_rate=ninety-five");

        assertThat(outcome.exitStatus()).as(outcome.console()).isEqualTo(1);
        assertThat(outcome.console())
                .contains("Order summary 'Order summary': Min success rate (%) (OrderSummary.minSuccessRate): "
                        + "'ninety-five' is not a number")
                .contains("Order summary: the run was refused: exit status 1");
        assertThat(dir.resolve("summary/summary.json")).doesNotExist();
        Path results = dir.resolve("results.jtl");
        assertThat(Files.exists(results) ? Files.readAllLines(results).size() : 0)
                .isLessThanOrEqualTo(1); // no load sent
    }
}
