package dev.orderflow.shop.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user's cart, in memory. A cart is created on first use and emptied (never replaced) by
 * {@link #clearAll()}, so whoever holds a user's cart monitor holds it for that user for good.
 */
public final class CartStore {

    private final Map<Integer, Cart> carts = new ConcurrentHashMap<>();

    public Cart of(int userId) {
        return carts.computeIfAbsent(userId, id -> new Cart());
    }

    public void clearAll() {
        for (Cart cart : carts.values()) {
            synchronized (cart) {
                cart.clear();
            }
        }
    }
}
