package dev.orderflow.jmeter.summary;

/** The shop's statistics could not be read; the message says where and why, for a person, without a stack trace. */
public class ShopStatsException extends Exception {

    private static final long serialVersionUID = 1L;

    public ShopStatsException(String message) {
        super(message);
    }
}
