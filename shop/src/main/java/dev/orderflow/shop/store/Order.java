package dev.orderflow.shop.store;

import java.math.BigDecimal;
import java.util.List;

/** A created order, its lines in product id order. */
public record Order(long id, BigDecimal total, List<LineItem> items) {

    public Order {
        items = List.copyOf(items);
    }
}
