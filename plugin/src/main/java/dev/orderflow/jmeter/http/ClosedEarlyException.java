package dev.orderflow.jmeter.http;

import java.io.IOException;

/** The shop closed the connection before its answer was complete. */
final class ClosedEarlyException extends IOException {

    private static final long serialVersionUID = 1L;

    ClosedEarlyException(String message) {
        super(message);
    }
}
