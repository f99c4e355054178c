package dev.orderflow.shop.api;

import dev.orderflow.shop.http.ApiException;
import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.http.Reply;
import dev.orderflow.shop.web.StockSnapshot;
import dev.orderflow.shop.web.StockSnapshots;

/** {@code GET /}, {@code GET /api/products} and {@code GET /health}: served from the stock snapshot. */
final class CatalogApi {

    private static final Reply HEALTH = Reply.json(200, new Views.Health("ok"));

    private final StockSnapshots snapshots;

    CatalogApi(StockSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    Reply indexPage(Exchange exchange) {
        return Reply.shared(Reply.HTML, snapshots.current().indexPage());
    }

    Reply products(Exchange exchange) {
        StockSnapshot snapshot = snapshots.current();
        return Reply.shared(Reply.JSON, inStockOnly(exchange) ? snapshot.inStockProducts() : snapshot.allProducts());
    }

    private static boolean inStockOnly(Exchange exchange) {
        String value = exchange.query("in_stock");
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("in_stock must be true or false");
    }

    Reply health(Exchange exchange) {
        return Reply.shared(HEALTH.contentType(), HEALTH.body());
    }
}
