package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShopCheckTest {

    private static final ShopTarget SHOP = new ShopTarget(URI.create("http://127.0.0.1:8000"), "key");

    private static FunnelCounts funnel(long created, long unknown) {
        return new FunnelCounts(0, 0, created + unknown + 3, created, unknown, 0, new TreeMap<>());
    }

    private static ShopStats stats(long orders, long unitsSold, long initial, long remaining) {
        return new ShopStats(orders, unitsSold, initial, remaining);
    }

    static Stream<Arguments> reconciliations() {
        return Stream.of(
                Arguments.of("the shop grew by exactly the created orders", 950, 0,
                        stats(10, 15, 1000, 985), stats(960, 500, 1000, 500), true),
                Arguments.of("an unknown outcome the shop did create", 950, 5,
                        stats(0, 0, 10000, 10000), stats(953, 1400, 10000, 8600), true),
                Arguments.of("every unknown outcome created", 950, 5,
                        stats(0, 0, 10000, 10000), stats(955, 1400, 10000, 8600), true),
                Arguments.of("the shop created fewer orders than the run saw", 950, 5,
                        stats(0, 0, 10000, 10000), stats(949, 1400, 10000, 8600), false),
                Arguments.of("the shop created orders the run never sent", 950, 5,
                        stats(0, 0, 10000, 10000), stats(956, 1400, 10000, 8600), false),
                Arguments.of("stock that does not add up at the end", 2, 0,
                        stats(0, 0, 100, 100), stats(2, 3, 100, 98), false),
                Arguments.of("stock that did not add up at the start", 2, 0,
                        stats(0, 1, 100, 100), stats(2, 4, 100, 96), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reconciliations")
    void ordersDeltaMustLieBetweenCreatedAndCreatedPlusUnknownAndStockMustAddUp(String name, long created, long unknown,
            ShopStats before, ShopStats after, boolean passed) {
        ShopCheck check = ShopCheck.reconcile(SHOP, before, after, funnel(created, unknown));

        assertThat(check.passed()).isEqualTo(passed);
        assertThat(check.ordersDelta()).isEqualTo(after.orders() - before.orders());
        assertThat(check.unitsSoldDelta()).isEqualTo(after.unitsSold() - before.unitsSold());
        assertThat(check.checks()).extracting(ThresholdResult::name)
                .containsExactly("shop_orders_delta_min", "shop_orders_delta_max", "shop_stock_invariant");
    }

    @Test
    void eachRuleIsReportedWithItsLimitAndTheShopsValue() {
        ShopCheck check = ShopCheck.reconcile(SHOP, stats(100, 0, 500, 500), stats(120, 30, 500, 460), funnel(21, 2));

        assertThat(check.checks()).extracting(ThresholdResult::describe).containsExactly(
                "shop_orders_delta_min: limit 21, actual 20 - FAILED",
                "shop_orders_delta_max: limit 23, actual 20 - passed",
                "shop_stock_invariant: limit 500, actual 490 - FAILED");
        assertThat(check.invariantOk()).isFalse();
    }

    @Test
    void anUnreadableShopFailsTheRunWithTheReasonAndNoNumbers() {
        ShopCheck check = ShopCheck.unreadable(SHOP, null, "at test start: cannot reach the shop");

        assertThat(check.passed()).isFalse();
        assertThat(check.ordersDelta()).isNull();
        assertThat(check.invariantOk()).isNull();
        assertThat(check.checks()).extracting(ThresholdResult::describe)
                .containsExactly("shop_stats: actual none (at test start: cannot reach the shop) - FAILED");
    }
}
