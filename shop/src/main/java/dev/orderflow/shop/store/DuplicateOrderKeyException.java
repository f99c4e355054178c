package dev.orderflow.shop.store;

/** Another order of the same user already holds this Idempotency-Key (the unique constraint said so). */
public final class DuplicateOrderKeyException extends Exception {

    public DuplicateOrderKeyException() {
        super("an order with this idempotency key exists", null, false, false);
    }
}
