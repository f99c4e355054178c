package dev.orderflow.shop.store;

/** A product with its stock as read from the database. */
public record ProductStock(Product product, int stock) {
}
