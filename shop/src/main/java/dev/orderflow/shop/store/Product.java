package dev.orderflow.shop.store;

import java.math.BigDecimal;

/** A product's fixed facts; its stock lives only in the database. */
public record Product(int id, String name, BigDecimal price) {
}
