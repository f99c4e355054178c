package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.ReferenceShop;

/** Runs JMeter's engine against the real reference shop: the summary's counts must be the shop's own. */
class ReferenceShopRunTest {

    private static final String ADMIN_KEY = "reference-shop-admin-key";
    @RegisterExtension
    static final ReferenceShop shop = new ReferenceShop(ADMIN_KEY);

    @TempDir
    Path dir;


    @Test
    void theSummaryCountsEveryOrderTheShopCreatedAndTimesEveryLabel() throws Exception {
        OrderSummaryListener listener = TestPlans.listener(dir);
        OrderSummarySchema.PLAN.write(listener, "reference shop");
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        OrderSummarySchema.ADMIN_KEY.write(listener, ADMIN_KEY);
        OrderSummarySchema.MIN_SUCCESS_RATE.write(listener, "100");
        OrderSummarySchema.MAX_ERROR_RATE.write(listener, "0");
        ShopStats before = new AdminStatsClient(Duration.ofSeconds(5)).fetch(new ShopTarget(shop.baseUri(), ADMIN_KEY));
        List<TestElement> samplers = new ArrayList<>(List.of(TestPlans.orderFlow()));
        samplers.add(TestPlans.stockGet("index page", shop.baseUri(), "/"));

        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(20, 2),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener},
                samplers.toArray(TestElement[]::new)), Duration.ofSeconds(120));

        ShopStats after = new AdminStatsClient(Duration.ofSeconds(5)).fetch(new ShopTarget(shop.baseUri(), ADMIN_KEY));
        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.get("orders_attempted").asLong()).isEqualTo(40);
        assertThat(summary.get("orders_created").asLong()).isEqualTo(after.orders() - before.orders()).isEqualTo(40);
        assertThat(summary.get("shop").get("orders_delta").asLong()).isEqualTo(40);
        assertThat(summary.get("shop").get("units_sold_delta").asLong())
                .isEqualTo(after.unitsSold() - before.unitsSold());
        assertThat(summary.get("shop").get("invariant_ok").asBoolean()).isTrue();
        assertThat(summary.get("login_failures").asLong()).isZero();
        assertThat(summary.get("labels").get("index page").get("count").asLong()).isEqualTo(40);
        assertThat(summary.get("labels").get("login").get("count").asLong()).as("one login per user").isEqualTo(20);
        assertThat(summary.get("labels").get("products").get("count").asLong()).isEqualTo(40);
        assertThat(summary.get("labels").get("order").get("count").asLong()).isEqualTo(40);
        long carts = summary.get("labels").get("cart").get("count").asLong();
        assertThat(carts).as("one or two products per order").isBetween(40L, 80L);
        assertThat(summary.get("samples").asLong()).isEqualTo(20 + 40 + carts + 40 + 40);
        assertThat(summary.get("users").isNull()).as("JMeter's stock thread group reports no planned users").isTrue();
        assertThat(summary.get("verdict").asText()).isEqualTo("pass");
    }
}
