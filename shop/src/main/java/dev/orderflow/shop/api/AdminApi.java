package dev.orderflow.shop.api;

import dev.orderflow.shop.http.Exchange;
import dev.orderflow.shop.http.Reply;
import dev.orderflow.shop.store.AdminRepository;
import dev.orderflow.shop.store.CartStore;
import dev.orderflow.shop.store.StockChanges;

/** {@code GET /api/admin/stats} and {@code POST /api/admin/reset}. */
final class AdminApi {

    private final Authenticator auth;
    private final AdminRepository admin;
    private final CartStore carts;
    private final StockChanges stockChanges;

    AdminApi(Authenticator auth, AdminRepository admin, CartStore carts, StockChanges stockChanges) {
        this.auth = auth;
        this.admin = admin;
        this.carts = carts;
        this.stockChanges = stockChanges;
    }

    Reply stats(Exchange exchange) {
        auth.admin(exchange);
        return Reply.json(200, admin.stats());
    }

    Reply reset(Exchange exchange) {
        auth.admin(exchange);
        admin.reset();
        carts.clearAll();
        stockChanges.changed();
        return Reply.noContent();
    }
}
