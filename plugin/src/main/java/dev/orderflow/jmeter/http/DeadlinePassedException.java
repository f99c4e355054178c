package dev.orderflow.jmeter.http;

import java.net.SocketTimeoutException;

/** The response timeout ran out between two reads. */
final class DeadlinePassedException extends SocketTimeoutException {

    private static final long serialVersionUID = 1L;

    DeadlinePassedException() {
        super("response deadline passed");
    }
}
