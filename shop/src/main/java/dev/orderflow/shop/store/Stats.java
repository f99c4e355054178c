package dev.orderflow.shop.store;

/** The shop's counts for reconciliation, all read in one statement so that they agree. */
public record Stats(long users, long products, long orders, long orderItems, long unitsSold,
                    long initialStock, long stockRemaining) {
}
