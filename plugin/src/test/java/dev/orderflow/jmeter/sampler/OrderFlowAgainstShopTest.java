package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/** The order flow on JMeter's own engine with a stock thread group, against the real reference shop. */
@Timeout(180)
class OrderFlowAgainstShopTest {

    private static final String ADMIN_KEY = "order-flow-test-admin-key";
    private static Shop shop;

    @BeforeAll
    static void startTheShop() {
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData())
                .adminKey(ADMIN_KEY).build());
    }

    @AfterAll
    static void stopTheShop() {
        shop.close();
    }

    @BeforeEach
    void resetTheShop() throws Exception {
        HttpResponse<String> reset = admin(HttpRequest.newBuilder(shop.baseUri().resolve("/api/admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(204);
    }

    private static HttpResponse<String> admin(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.header("X-Admin-Key", ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode stats() throws Exception {
        HttpResponse<String> response = admin(HttpRequest.newBuilder(shop.baseUri().resolve("/api/admin/stats")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private static RecordingListener runOrderFlow(int users, int iterations) throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(users, iterations),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener},
                Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"),
                Plans.named(new CreateOrderSampler(), "order")), Duration.ofSeconds(120));
        return listener;
    }

    @Test
    void twentyUsersTimesTwoIterationsCreateFortyOrdersThatTheShopCountsToo() throws Exception {
        long ordersBefore = stats().get("orders").asLong();

        RecordingListener listener = runOrderFlow(20, 2);

        List<OrderFlowSampleResult> logins = listener.of(FlowStep.LOGIN);
        List<OrderFlowSampleResult> orders = listener.of(FlowStep.ORDER);
        assertThat(logins).as("each user logs in once and takes no login sample while logged in").hasSize(20)
                .allMatch(SampleResult::isSuccessful);
        assertThat(logins).extracting(OrderFlowSampleResult::getUserNumber)
                .containsExactlyInAnyOrderElementsOf(range(20));
        assertThat(listener.of(FlowStep.PRODUCTS)).hasSize(40).allMatch(SampleResult::isSuccessful);
        assertThat(listener.of(FlowStep.CART)).hasSize(40).allMatch(SampleResult::isSuccessful);
        assertThat(orders).hasSize(40).allMatch(SampleResult::isSuccessful)
                .noneMatch(OrderFlowSampleResult::isOutcomeUnknown);
        assertThat(orders).extracting(SampleResult::getResponseCode).containsOnly("201");

        JsonNode after = stats();
        assertThat(after.get("orders").asLong() - ordersBefore).isEqualTo(orders.size());
        assertThat(after.get("initial_stock").asLong())
                .isEqualTo(after.get("stock_remaining").asLong() + after.get("units_sold").asLong());
    }

    @Test
    void marksTheFirstSampleOfEachIterationAfterLoginAsTheStartOfAnOrderAttempt() throws Exception {
        RecordingListener listener = runOrderFlow(3, 2);

        List<OrderFlowSampleResult> flow = new ArrayList<>();
        for (SampleResult result : listener.all()) {
            flow.add((OrderFlowSampleResult) result);
        }
        Map<Integer, List<OrderFlowSampleResult>> byUser = flow.stream()
                .collect(Collectors.groupingBy(OrderFlowSampleResult::getUserNumber));
        assertThat(byUser).hasSize(3);
        for (List<OrderFlowSampleResult> samples : byUser.values()) {
            samples.sort((a, b) -> Long.compare(a.getStartTime(), b.getStartTime()));
            assertThat(samples).extracting(OrderFlowSampleResult::getStep).containsExactly(
                    FlowStep.LOGIN, FlowStep.PRODUCTS, FlowStep.CART, FlowStep.ORDER,
                    FlowStep.PRODUCTS, FlowStep.CART, FlowStep.ORDER);
            assertThat(samples).extracting(OrderFlowSampleResult::isAttemptStart)
                    .containsExactly(false, true, false, false, true, false, false);
        }
        assertThat(flow).allSatisfy(sample -> {
            assertThat(sample.getEngine()).isZero();
            assertThat(sample.getEngineCount()).isEqualTo(1);
        });
    }

    @Test
    void samplesCarryTimesBytesCodesAndTheRequestAsJMeterListenersExpect() throws Exception {
        RecordingListener listener = runOrderFlow(2, 1);

        // JMeter counts whole milliseconds: a step on loopback can take less than one, so one sample may say 0
        assertThat(listener.all().stream().mapToLong(SampleResult::getTime).sum()).isPositive();
        assertThat(listener.all().stream().mapToLong(SampleResult::getLatency).sum()).isPositive();
        for (SampleResult sample : listener.all()) {
            assertThat(sample.getLatency()).isBetween(0L, sample.getTime());
            assertThat(sample.getConnectTime()).isLessThanOrEqualTo(sample.getLatency());
            assertThat(sample.getSentBytes()).isPositive();
            assertThat(sample.getBytesAsLong()).isEqualTo(sample.getHeadersSize() + sample.getBodySizeAsLong())
                    .isPositive();
            assertThat(sample.getURL().toString()).startsWith("http://127.0.0.1:" + shop.port() + "/api/");
            assertThat(sample.getResponseHeaders()).startsWith("HTTP/1.1 ");
            assertThat(sample.getRequestHeaders()).contains("Host: 127.0.0.1:" + shop.port());
            assertThat(sample.getThreadName()).isNotEmpty();
        }
        OrderFlowSampleResult login = listener.of(FlowStep.LOGIN).get(0);
        assertThat(login.getSamplerData()).startsWith("POST http://127.0.0.1:" + shop.port()
                + "/api/auth/login\n\n{\"username\":\"load_test_user_");
        assertThat(login.getSamplerData()).endsWith("\"password\":\"***\"}");
        OrderFlowSampleResult order = listener.of(FlowStep.ORDER).get(0);
        assertThat(order.getRequestHeaders()).contains("Authorization: Token ***")
                .containsPattern("Idempotency-Key: [0-9a-f-]{36}");
        assertThat(order.getResponseDataAsString()).contains("\"status\":\"created\"");
    }

    @Test
    void noSampleFieldEverHoldsAPassword() throws Exception {
        RecordingListener listener = runOrderFlow(5, 1);

        List<String> passwords = Files.readAllLines(JMeterEnvironment.csvData().resolve("users.csv"),
                        StandardCharsets.UTF_8)
                .stream().skip(1).limit(5).map(line -> line.substring(line.indexOf(',') + 1)).toList();
        assertThat(passwords).hasSize(5).allMatch(p -> p.length() >= 8);
        for (SampleResult sample : listener.all()) {
            String everything = everyTextOf(sample);
            for (String password : passwords) {
                assertThat(everything).doesNotContain(password);
            }
        }
    }

    /** Every String (and byte[] as text) a sample exposes through its getters. */
    static String everyTextOf(SampleResult sample) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Method getter : sample.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value = getter.invoke(sample);
            if (value instanceof String text) {
                all.append(text).append('\n');
            } else if (value instanceof byte[] bytes) {
                all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
            } else if (value != null && !(value instanceof Class)) {
                all.append(value).append('\n');
            }
        }
        return all.toString();
    }

    private static List<Integer> range(int n) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
