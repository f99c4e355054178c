package dev.orderflow.shop.store;

import java.util.List;
import java.util.Optional;

/**
 * Turns a user's cart into an order. The user's cart monitor is held throughout, so one user's
 * concurrent requests (a client retrying with the same Idempotency-Key, say) run one after the
 * other: the second finds the order of the first. The database's unique constraint on
 * (user, key) backs this up when several shops share one database.
 */
public final class OrderService {

    private final CartStore carts;
    private final OrderRepository orders;
    private final StockChanges stockChanges;

    public OrderService(CartStore carts, OrderRepository orders, StockChanges stockChanges) {
        this.carts = carts;
        this.orders = orders;
        this.stockChanges = stockChanges;
    }

    /** Places the cart as an order; on insufficient stock nothing changes and the cart is kept. */
    public Placement place(int userId, String idempotencyKey) throws CartEmptyException, InsufficientStockException {
        Cart cart = carts.of(userId);
        synchronized (cart) {
            if (idempotencyKey != null) {
                Optional<Order> earlier = orders.findByKey(userId, idempotencyKey);
                if (earlier.isPresent()) {
                    return new Placement(earlier.get(), false);
                }
            }
            List<LineItem> lines = cart.lines();
            if (lines.isEmpty()) {
                throw new CartEmptyException();
            }
            try {
                Order order = orders.create(userId, idempotencyKey, lines);
                cart.clear();
                stockChanges.changed();
                return new Placement(order, true);
            } catch (DuplicateOrderKeyException e) {
                // another shop on the same database won the race for this key
                return new Placement(orders.findByKey(userId, idempotencyKey)
                        .orElseThrow(() -> new IllegalStateException(
                                "an order with this key was reported but is not visible")), false);
            }
        }
    }

    public Optional<Order> find(int userId, long orderId) {
        return orders.find(userId, orderId);
    }
}
