package dev.orderflow.jmeter.http;

/**
 * Why an exchange brought no complete answer.
 *
 * @param kind        what went wrong
 * @param message     a sentence for the sample's response message
 * @param requestSent false only when the request certainly never left this machine (connection not made);
 *                    when true the shop may have acted on it
 */
public record HttpFailure(Kind kind, String message, boolean requestSent) {

    /** The kinds of failure, with the short code a sample reports for each. */
    public enum Kind {
        CONNECT_REFUSED("connection refused"),
        CONNECT_TIMEOUT("connect timeout"),
        UNKNOWN_HOST("unknown host"),
        TLS_HANDSHAKE("TLS handshake failed"),
        CONNECT_FAILED("connect failed"),
        RESPONSE_TIMEOUT("response timeout"),
        CONNECTION_RESET("connection reset"),
        CONNECTION_CLOSED("connection closed"),
        MALFORMED_RESPONSE("malformed answer"),
        INTERRUPTED("interrupted"),
        IO_ERROR("I/O error");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The short code a sample reports as its response code, beside JMeter's "Non HTTP response code". */
        public String code() {
            return code;
        }
    }
}
