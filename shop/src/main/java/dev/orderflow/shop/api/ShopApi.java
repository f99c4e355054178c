package dev.orderflow.shop.api;

import dev.orderflow.shop.http.Json;
import dev.orderflow.shop.http.Router;
import dev.orderflow.shop.security.AdminKey;
import dev.orderflow.shop.security.PasswordHasher;
import dev.orderflow.shop.security.TokenStore;
import dev.orderflow.shop.store.AdminRepository;
import dev.orderflow.shop.store.CartService;
import dev.orderflow.shop.store.CartStore;
import dev.orderflow.shop.store.OrderService;
import dev.orderflow.shop.store.ProductStock;
import dev.orderflow.shop.store.StockChanges;
import dev.orderflow.shop.store.UserRepository;
import dev.orderflow.shop.web.StockSnapshots;
import java.util.List;

/** The routes of API.md version 1, each to its endpoint. */
public final class ShopApi {

    private ShopApi() {
    }

    /** What the endpoints work with. */
    public record Services(UserRepository users, PasswordHasher hasher, TokenStore tokens, AdminKey adminKey,
                           StockSnapshots snapshots, CartStore carts, CartService cartService,
                           OrderService orders, AdminRepository admin, StockChanges stockChanges) {
    }

    /** The body of {@code GET /api/products} for these products. */
    public static byte[] productsJson(List<ProductStock> products) {
        return Json.bytes(Views.Products.of(products));
    }

    public static Router routes(Services s) {
        Authenticator auth = new Authenticator(s.tokens(), s.adminKey());
        CatalogApi catalog = new CatalogApi(s.snapshots());
        AuthApi login = new AuthApi(s.users(), s.hasher(), s.tokens());
        CartApi cart = new CartApi(auth, s.cartService());
        OrderApi orders = new OrderApi(auth, s.orders());
        AdminApi admin = new AdminApi(auth, s.admin(), s.carts(), s.stockChanges());
        return new Router()
                .route("GET", "/", catalog::indexPage)
                .route("GET", "/health", catalog::health)
                .route("POST", "/api/auth/login", login::login)
                .route("GET", "/api/products", catalog::products)
                .route("GET", "/api/cart", cart::get)
                .route("DELETE", "/api/cart", cart::clear)
                .route("POST", "/api/cart/items", cart::add)
                .route("POST", "/api/orders", orders::create)
                .route("GET", "/api/orders/{id}", orders::get)
                .route("GET", "/api/admin/stats", admin::stats)
                .route("POST", "/api/admin/reset", admin::reset);
    }
}
