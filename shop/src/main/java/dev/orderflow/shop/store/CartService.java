package dev.orderflow.shop.store;

import java.util.List;

/** Reads and changes a user's cart, checking products and stock against the database. */
public final class CartService {

    private final CartStore carts;
    private final ProductCatalog catalog;
    private final ProductRepository products;

    public CartService(CartStore carts, ProductCatalog catalog, ProductRepository products) {
        this.carts = carts;
        this.catalog = catalog;
        this.products = products;
    }

    public List<LineItem> lines(int userId) {
        Cart cart = carts.of(userId);
        synchronized (cart) {
            return cart.lines();
        }
    }

    /**
     * Adds {@code quantity} of a product, refusing when the cart would then hold more of it than is in
     * stock right now (the order checks stock again, atomically, when it is created).
     */
    public List<LineItem> add(int userId, int productId, int quantity)
            throws UnknownProductException, InsufficientStockException {
        Product product = catalog.find(productId).orElseThrow(() -> new UnknownProductException(productId));
        Cart cart = carts.of(userId);
        synchronized (cart) {
            int wanted = cart.quantityOf(productId) + quantity;
            int stock = products.stockOf(productId).orElseThrow(() -> new UnknownProductException(productId));
            if (wanted > stock) {
                throw new InsufficientStockException(productId);
            }
            cart.add(product, quantity);
            return cart.lines();
        }
    }

    public void clear(int userId) {
        Cart cart = carts.of(userId);
        synchronized (cart) {
            cart.clear();
        }
    }
}
