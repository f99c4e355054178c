package dev.orderflow.shop;

/** The shop could not start (port taken, database unreachable …); the message says what failed. */
public final class ShopStartException extends RuntimeException {

    public ShopStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
