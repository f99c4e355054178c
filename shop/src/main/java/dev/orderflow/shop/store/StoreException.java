package dev.orderflow.shop.store;

/** The database failed in a way no request can fix (answered as 500 internal). */
public final class StoreException extends RuntimeException {

    public StoreException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
