package dev.orderflow.shop.data;

import java.math.BigDecimal;

/** One row of products.csv; the price has exactly two decimal places. */
public record SeedProduct(int id, String name, BigDecimal price, int stock) {
}
