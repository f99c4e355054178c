package dev.orderflow.jmeter.summary;

import java.util.List;

/**
 * The reconciliation of a run's order funnel with the shop's own counts.
 *
 * <p>The shop must have grown by at least every order the run saw created, and by at most those plus the
 * orders whose outcome the run could not know; and its stock must add up (API.md invariant 2) before and after.
 *
 * @param baseUrl the shop that was read
 * @param before its statistics at test start, or null when they could not be read
 * @param after its statistics at test end, or null when they could not be read
 * @param error why the statistics could not be read, or null
 * @param checks the reconciliation's pass/fail results, named like thresholds
 */
public record ShopCheck(String baseUrl, ShopStats before, ShopStats after, String error, List<ThresholdResult> checks) {

    static final String STATS_CHECK = "shop_stats";

    public ShopCheck {
        checks = List.copyOf(checks);
    }

    public static ShopCheck reconcile(ShopTarget shop, ShopStats before, ShopStats after, FunnelCounts funnel) {
        long delta = after.orders() - before.orders();
        long lowest = funnel.ordersCreated();
        long highest = funnel.ordersCreated() + funnel.ordersUnknown();
        ThresholdResult atLeastCreated = ThresholdResult.atLeast("shop_orders_delta_min", lowest, (double) delta, null);
        ThresholdResult atMostPossible = ThresholdResult.atMost("shop_orders_delta_max", highest, (double) delta, null);
        ThresholdResult stock = new ThresholdResult("shop_stock_invariant", (double) after.initialStock(),
                (double) (after.stockRemaining() + after.unitsSold()), before.stockAddsUp() && after.stockAddsUp(),
                before.stockAddsUp() ? null : "initial_stock != stock_remaining + units_sold already at test start");
        return new ShopCheck(shop.baseUri().toString(), before, after, null,
                List.of(atLeastCreated, atMostPossible, stock));
    }

    public static ShopCheck unreadable(ShopTarget shop, ShopStats before, String error) {
        return new ShopCheck(shop.baseUri().toString(), before, null, error,
                List.of(ThresholdResult.failed(STATS_CHECK, error)));
    }

    public Long ordersDelta() {
        return before == null || after == null ? null : after.orders() - before.orders();
    }

    public Long unitsSoldDelta() {
        return before == null || after == null ? null : after.unitsSold() - before.unitsSold();
    }

    /** Invariant 2 held at both reads; null when the shop could not be read twice. */
    public Boolean invariantOk() {
        return before == null || after == null ? null : before.stockAddsUp() && after.stockAddsUp();
    }

    public boolean passed() {
        return checks.stream().allMatch(ThresholdResult::passed);
    }
}
