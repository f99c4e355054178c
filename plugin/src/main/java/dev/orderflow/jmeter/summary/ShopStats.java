package dev.orderflow.jmeter.summary;

/** The shop's own counts, as {@code GET /api/admin/stats} returns them (API.md). */
public record ShopStats(long orders, long unitsSold, long initialStock, long stockRemaining) {

    /** Invariant 2 of API.md: every unit of stock is either still there or sold. */
    public boolean stockAddsUp() {
        return initialStock == stockRemaining + unitsSold;
    }
}
