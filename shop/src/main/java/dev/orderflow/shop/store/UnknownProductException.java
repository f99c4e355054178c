package dev.orderflow.shop.store;

/** A product id that the shop does not sell. */
public final class UnknownProductException extends Exception {

    public UnknownProductException(int productId) {
        super("product " + productId + " does not exist", null, false, false);
    }
}
