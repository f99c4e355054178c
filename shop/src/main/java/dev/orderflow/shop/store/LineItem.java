package dev.orderflow.shop.store;

import java.math.BigDecimal;
import java.util.Collection;

/** A product, a quantity and the unit price, in a cart or an order. */
public record LineItem(int productId, int quantity, BigDecimal price) {

    public BigDecimal amount() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }

    /** The exact sum of the lines' amounts, with two places. */
    public static BigDecimal total(Collection<LineItem> lines) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (LineItem line : lines) {
            total = total.add(line.amount());
        }
        return total.setScale(2);
    }
}
