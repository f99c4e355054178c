package dev.orderflow.shop.store;

/** The answer to an order request: a new order, or the one an earlier request with the same key created. */
public record Placement(Order order, boolean created) {
}
