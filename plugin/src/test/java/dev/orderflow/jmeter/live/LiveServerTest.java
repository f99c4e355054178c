package dev.orderflow.jmeter.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

/** The live view's server over real sockets: its files, its read-only answers and its event stream. */
class LiveServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LiveRun run;

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    private URI start() throws Exception {
        JMeterEnvironment.init();
        run = new LiveRun(new LiveViewSettings(InetAddress.getLoopbackAddress(), 0));
        run.joined("engine-1");
        return run.uri();
    }

    @Test
    void servesThePageAndTheChartingLibraryFromThePluginJar() throws Exception {
        URI page = start();
        HttpResponse<String> index = client.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script src=\"uPlot.iife.min.js\"></script>");
        HttpResponse<String> uplot = client.send(HttpRequest.newBuilder(page.resolve("uPlot.iife.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(client.send(HttpRequest.newBuilder(page.resolve("nothing-here")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void answersNothingButReading() throws Exception {
        URI page = start();
        HttpResponse<Void> post = client.send(HttpRequest.newBuilder(page)
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aLateBrowserCatchesUpThenGetsATickEverySecond() throws Exception {
        URI page = start();
        for (int i = 0; i < 5; i++) {
            SampleResult sample = SampleResult.createTestSample(System.currentTimeMillis() - 40,
                    System.currentTimeMillis());
            sample.setSampleLabel("order");
            sample.setSuccessful(i != 0);
            run.record(sample, "engine-1");
        }
        Thread.sleep(2200); // two ticks before the browser comes
        HttpResponse<java.io.InputStream> events = client.send(HttpRequest.newBuilder(page.resolve("events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            JsonNode catchUp = event(lines, "catchup");
            assertThat(catchUp.get("points").size()).as("the ticks before the browser came").isGreaterThanOrEqualTo(2);
            assertThat(catchUp.get("state").get("samples").asLong()).isEqualTo(5);
            assertThat(catchUp.get("state").get("errors").asLong()).isEqualTo(1);
            assertThat(catchUp.get("state").get("labels").get(0).get("label").asText()).isEqualTo("order");
            assertThat(catchUp.get("state").get("engines").get(0).get("host").asText()).isEqualTo("engine-1");
            JsonNode tick = event(lines, "tick");
            assertThat(tick.get("point").get("t").asDouble())
                    .isGreaterThan(catchUp.get("points").get(catchUp.get("points").size() - 1).get("t").asDouble());
        }
    }

    private static JsonNode event(BufferedReader lines, String name) throws Exception {
        String line;
        String event = null;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("event: ")) {
                event = line.substring("event: ".length());
            } else if (line.startsWith("data: ") && name.equals(event)) {
                return LiveRun.JSON.readTree(line.substring("data: ".length()));
            }
        }
        throw new AssertionError("the stream ended before a '" + name + "' event");
    }
}
