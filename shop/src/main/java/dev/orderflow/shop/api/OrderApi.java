package dev.orderflow.shop.api;

import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.http.Reply;
import dev.orderflow.shop.store.CartEmptyException;
import dev.orderflow.shop.store.InsufficientStockException;
import dev.orderflow.shop.store.OrderService;
import dev.orderflow.shop.store.Placement;

/** {@code POST /api/orders} and {@code GET /api/orders/{id}}. */
final class OrderApi {

    static final int MAX_KEY_LENGTH = 64;

    private final Authenticator auth;
    private final OrderService orders;

    OrderApi(Authenticator auth, OrderService orders) {
        this.auth = auth;
        this.orders = orders;
    }

    Reply create(Exchange exchange) {
        int userId = auth.user(exchange);
        exchange.optionalJsonObject();
        String key = idempotencyKey(exchange);
        try {
            Placement placement = orders.place(userId, key);
            return Reply.json(placement.created() ? 201 : 200, Views.OrderView.of(placement.order()));
        } catch (CartEmptyException e) {
            throw new ApiException(400, "cart_empty", "the cart is empty; add products before ordering");
        } catch (InsufficientStockException e) {
            throw Errors.insufficientStock(e);
        }
    }

    private static String idempotencyKey(Exchange exchange) {
        String key = exchange.header("Idempotency-Key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    Reply get(Exchange exchange) {
        int userId = auth.user(exchange);
        String text = exchange.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("there is no order " + text);
        }
        return orders.find(userId, id)
                .map(order -> Reply.json(200, Views.OrderView.of(order)))
                .orElseThrow(() -> ApiException.notFound("there is no order " + id));
    }
}
