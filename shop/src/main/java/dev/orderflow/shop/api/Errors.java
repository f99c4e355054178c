package dev.orderflow.shop.api;

import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.store.InsufficientStockException;
import java.util.Map;

/** Errors that more than one endpoint answers. */
final class Errors {

    private Errors() {
    }

    static ApiException insufficientStock(InsufficientStockException e) {
        return new ApiException(409, "insufficient_stock", "not enough stock of product " + e.productId(),
                Map.of("product_id", e.productId()));
    }
}
