package dev.orderflow.shop.store;

/** An order or cart change that asks for more of a product than is in stock. */
public final class InsufficientStockException extends Exception {

    private final int productId;

    public InsufficientStockException(int productId) {
        super("not enough stock of product " + productId, null, false, false);
        this.productId = productId;
    }

    public int productId() {
        return productId;
    }
}
