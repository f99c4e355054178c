package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpFailure;

/** What a sample shows of the request headers: everything but the token. */
class SampleRecorderTest {

    private static String recordedHeaders(ShopSettings settings, String head) throws Exception {
        OrderFlowSampleResult result = new OrderFlowSampleResult(FlowStep.ORDER);
        SampleRecorder recorder = new SampleRecorder(result, settings);
        HttpFailure failure = new HttpFailure(HttpFailure.Kind.CONNECTION_CLOSED, "closed", true);
        recorder.add(new HttpExchange(null, failure, head, 0, -1, 1, 10, 0, 0), "POST",
                new URL("http://127.0.0.1:8000/api/orders"), "{}", 0);
        recorder.finish();
        return result.getRequestHeaders();
    }

    private static ShopSettings withAuthHeader(String name, String template) {
        Map<Setting, String> values = new HashMap<>();
        values.put(ShopConnectionSchema.AUTH_HEADER_NAME, name);
        values.put(ShopConnectionSchema.AUTH_HEADER_TEMPLATE, template);
        return ShopSettings.of("shop", values);
    }

    @Test
    void masksTheTokenOfTheDefaultAuthHeader() throws Exception {
        String head = "POST /api/orders HTTP/1.1\nHost: 127.0.0.1:8000\nAuthorization: Token s3cr3t\nContent-Length: 2";

        assertThat(recordedHeaders(ShopSettings.defaults(), head))
                .isEqualTo(
                        "POST /api/orders HTTP/1.1\nHost: 127.0.0.1:8000\nAuthorization: Token ***\nContent-Length: 2");
    }

    @Test
    void masksACustomAuthHeaderWhateverItsCaseAndPlace() throws Exception {
        String head = "GET /api/cart HTTP/1.1\nHost: shop\nx-session: Bearer s3cr3t";

        assertThat(recordedHeaders(withAuthHeader("X-Session", "Bearer {token}"), head))
                .isEqualTo("GET /api/cart HTTP/1.1\nHost: shop\nX-Session: Bearer ***")
                .doesNotContain("s3cr3t");
    }

    @Test
    void leavesAHeadWithoutTheAuthHeaderAsItIs() throws Exception {
        String head = "POST /api/auth/login HTTP/1.1\nHost: shop\nAuthorization-Hint: none\nContent-Length: 60";

        assertThat(recordedHeaders(ShopSettings.defaults(), head)).isEqualTo(head);
    }
}
