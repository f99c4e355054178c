package dev.orderflow.shop.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.http.Json;
import dev.orderflow.shop.http.Reply;
import dev.orderflow.shop.store.CartService;
import dev.orderflow.shop.store.InsufficientStockException;
import dev.orderflow.shop.store.UnknownProductException;

/** {@code GET /api/cart}, {@code POST /api/cart/items}, {@code DELETE /api/cart}. */
final class CartApi {

    static final int MAX_QUANTITY = 100;

    private final Authenticator auth;
    private final CartService carts;

    CartApi(Authenticator auth, CartService carts) {
        this.auth = auth;
        this.carts = carts;
    }

    Reply get(Exchange exchange) {
        return Reply.json(200, Views.Cart.of(carts.lines(auth.user(exchange))));
    }

    Reply add(Exchange exchange) {
        int userId = auth.user(exchange);
        ObjectNode body = exchange.jsonObject();
        int productId = Json.requiredInt(body, "product_id");
        int quantity = Json.requiredInt(body, "quantity");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw ApiException.badRequest("quantity must be a whole number from 1 to " + MAX_QUANTITY);
        }
        try {
            return Reply.json(201, Views.Cart.of(carts.add(userId, productId, quantity)));
        } catch (UnknownProductException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (InsufficientStockException e) {
            throw Errors.insufficientStock(e);
        }
    }

    Reply clear(Exchange exchange) {
        carts.clear(auth.user(exchange));
        return Reply.noContent();
    }
}
