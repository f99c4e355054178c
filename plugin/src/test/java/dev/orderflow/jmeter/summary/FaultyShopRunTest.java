package dev.orderflow.jmeter.summary;

import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.CART_CONFLICT;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.CREATE_THEN_DROP;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.CREATE_THEN_STALL;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.LOGIN_REFUSED;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.ORDER_CONFLICT;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.ORDER_ERROR;
import static dev.orderflow.jmeter.summary.FaultyShop.Behaviour.STALL_WITHOUT_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;

/** Runs JMeter's engine against a shop that fails on purpose: every outcome must land in its own bucket. */
class FaultyShopRunTest {

    private static final long CLIENT_TIMEOUT_MS = 500;
    private static final long SERVER_STALL_MS = 3_000;
    /** users 0, 1, 2 and 11 order normally */
    private static final Map<Integer, FaultyShop.Behaviour> FAULTS = Map.of(
            3, LOGIN_REFUSED,
            4, CART_CONFLICT,
            5, ORDER_CONFLICT,
            6, ORDER_ERROR,
            7, ORDER_ERROR,
            8, CREATE_THEN_STALL,
            9, STALL_WITHOUT_ORDER,
            10, CREATE_THEN_DROP);

    @TempDir
    Path dir;

    private JsonNode run(FaultyShop shop, OrderSummaryListener listener) throws Exception {
        ShopConnection connection = Plans.shopConnection(shop.port(),
                Map.of(ShopConnectionSchema.RESPONSE_TIMEOUT, Long.toString(CLIENT_TIMEOUT_MS)));
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(12, 1), new TestElement[] {connection, listener},
                TestPlans.orderFlow()), Duration.ofSeconds(60));
        return SummaryJson.MAPPER.readTree(dir.resolve("summary/summary.json").toFile());
    }

    private OrderSummaryListener listener(FaultyShop shop) {
        OrderSummaryListener listener = TestPlans.listener(dir.resolve("summary"));
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        OrderSummarySchema.ADMIN_KEY.write(listener, FaultyShop.ADMIN_KEY);
        // the faulty shop refuses one login on purpose: allowed here, so the verdict speaks of the orders
        OrderSummarySchema.MAX_LOGIN_FAILURES.write(listener, "1");
        return listener;
    }

    @Test
    void everyFaultLandsInItsBucketAndTheShopsCountReconcilesWithTheUnknownOutcomes() throws Exception {
        try (FaultyShop shop = new FaultyShop(FAULTS, SERVER_STALL_MS)) {
            JsonNode summary = run(shop, listener(shop));

            assertThat(summary.get("login_failures").asLong()).isEqualTo(1);
            assertThat(summary.get("orders_attempted").asLong()).isEqualTo(11);
            assertThat(summary.get("orders_created").asLong()).isEqualTo(4);
            assertThat(summary.get("orders_unknown").asLong()).isEqualTo(3);
            assertThat(summary.get("cart_failures").asLong()).isEqualTo(1);
            assertThat(summary.get("orders_failed").asLong()).isEqualTo(4);
            assertThat(summary.get("rejections").toString()).isEqualTo("{\"409\":1,\"500\":2}");
            assertThat(summary.get("labels").get("order").get("count").asLong()).isEqualTo(10);
            assertThat(summary.get("labels").get("order").get("errors").asLong()).isEqualTo(6);
            assertThat(summary.get("labels").get("login").get("errors").asLong()).isEqualTo(1);
            // the stalled order was created, the dropped one too: 6 orders, inside [created, created + unknown]
            JsonNode reconciliation = summary.get("shop");
            assertThat(reconciliation.get("orders_delta").asLong()).isEqualTo(6).isEqualTo(shop.orders());
            assertThat(reconciliation.get("invariant_ok").asBoolean()).isTrue();
            assertThat(summary.get("verdict").asText()).isEqualTo("pass");
        }
    }

    @Test
    void aMissedThresholdFailsTheVerdictNamingLimitAndValue() throws Exception {
        try (FaultyShop shop = new FaultyShop(FAULTS, SERVER_STALL_MS)) {
            OrderSummaryListener listener = listener(shop);
            OrderSummarySchema.MIN_SUCCESS_RATE.write(listener, "90");
            OrderSummarySchema.MAX_P95_MS.write(listener, "100000");
            OrderSummarySchema.LABELS.write(listener, "order");

            JsonNode summary = run(shop, listener);

            List<String> failed = new ArrayList<>();
            summary.get("thresholds").forEach(t -> {
                if (!t.get("passed").asBoolean()) {
                    failed.add(t.get("name").asText() + " " + t.get("limit").asText() + " " + t.get("actual").asText());
                }
            });
            assertThat(failed).containsExactly("min_success_rate 90.0 36.36");
            assertThat(summary.get("verdict").asText()).isEqualTo("fail");
        }
    }

    @Test
    void anUnreachableShopFailsTheReconciliationWithAClearMessage() throws Exception {
        OrderSummaryListener listener;
        try (FaultyShop shop = new FaultyShop(Map.of(), SERVER_STALL_MS)) {
            listener = listener(shop);
            OrderSummarySchema.ADMIN_KEY.write(listener, "not-the-key");
            JsonNode summary = run(shop, listener);

            assertThat(summary.get("shop").get("error").asText())
                    .isEqualTo("at test start: GET " + shop.baseUri()
                            + "/api/admin/stats refused the admin key (HTTP 403): check the admin key field");
            assertThat(summary.get("verdict").asText()).isEqualTo("fail");
            assertThat(summary.toString()).doesNotContain("not-the-key");
        }
    }
}
