package dev.orderflow.shop.store;

/** An order was asked for with nothing in the cart. */
public final class CartEmptyException extends Exception {

    public CartEmptyException() {
        super("the cart is empty", null, false, false);
    }
}
