package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;

/** A GET follows redirects on the same shop up to the shop connection's limit, each hop a sub-result. */
@Timeout(60)
class RedirectsTest {

    /** /old → /new (relative), /away → another host, /new → the page. */
    private static ScriptedServer redirectingShop() throws Exception {
        return new ScriptedServer(c -> {
            ScriptedServer.Received request;
            while ((request = c.readRequest()) != null) {
                switch (request.target()) {
                    case "/old" -> c.answer(301, "", "Location: /new");
                    case "/away" -> c.answer(302, "", "Location: http://shop.elsewhere.example/new");
                    default -> c.answer(200, "<html>new</html>", "Content-Type: text/html");
                }
            }
        });
    }

    private static OrderFlowSampleResult page(ScriptedServer server, String path, Map<Setting, String> fields)
            throws Exception {
        PageSampler page = Plans.named(new PageSampler(), "page");
        page.setProperty(SamplerSchemas.Page.PATH.name(), path);
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                new TestElement[] {Plans.shopConnection(server.port(), fields), listener}, page),
                Duration.ofSeconds(30));
        assertThat(listener.of(FlowStep.PAGE)).hasSize(1);
        return listener.of(FlowStep.PAGE).get(0);
    }

    @Test
    void aGetFollowsARedirectAndRecordsEachHop() throws Exception {
        try (ScriptedServer server = redirectingShop()) {
            OrderFlowSampleResult page = page(server, "/old", Map.of());

            assertThat(page.isSuccessful()).isTrue();
            assertThat(page.getResponseCode()).isEqualTo("200");
            assertThat(page.getResponseDataAsString()).isEqualTo("<html>new</html>");
            assertThat(page.getURL().getPath()).isEqualTo("/new");
            assertThat(page.getSubResults()).extracting(SampleResult::getResponseCode).containsExactly("301", "200");
            assertThat(page.getSubResults()).extracting(SampleResult::getSampleLabel)
                    .containsExactly("page-0", "page-1");
            assertThat(page.getSubResults()[0].getResponseHeaders()).contains("Location: /new");
            assertThat(server.received()).extracting(ScriptedServer.Received::target).containsExactly("/old", "/new");
        }
    }

    @Test
    void noRedirectIsFollowedWhenTheLimitIsZero() throws Exception {
        try (ScriptedServer server = redirectingShop()) {
            OrderFlowSampleResult page = page(server, "/old", Map.of(ShopConnectionSchema.MAX_REDIRECTS, "0"));

            assertThat(page.getResponseCode()).isEqualTo("301");
            assertThat(page.getSubResults()).hasSize(1);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aRedirectOffTheShopIsNotFollowed() throws Exception {
        try (ScriptedServer server = redirectingShop()) {
            OrderFlowSampleResult page = page(server, "/away", Map.of());

            assertThat(page.getResponseCode()).isEqualTo("302");
            assertThat(server.received()).hasSize(1);
        }
    }
}
