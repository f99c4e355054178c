package dev.orderflow.shop.cli;

/** A command line that cannot be run: an unknown option, a missing or bad value. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
