package dev.orderflow.shop.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's cart. Not thread-safe by itself: callers hold the cart's monitor, which is also what
 * serialises one user's order creations (see {@link CartStore}).
 */
public final class Cart {

    private final Map<Integer, LineItem> lines = new LinkedHashMap<>();

    public int quantityOf(int productId) {
        LineItem line = lines.get(productId);
        return line == null ? 0 : line.quantity();
    }

    public void add(Product product, int quantity) {
        lines.put(product.id(), new LineItem(product.id(), quantityOf(product.id()) + quantity, product.price()));
    }

    /** The lines in the order their products were first added. */
    public List<LineItem> lines() {
        return new ArrayList<>(lines.values());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public void clear() {
        lines.clear();
    }
}
