package dev.orderflow.jmeter.http;

import java.io.IOException;

/** The shop's bytes are not an HTTP/1.x answer. */
final class MalformedAnswerException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
        super(message);
    }
}
