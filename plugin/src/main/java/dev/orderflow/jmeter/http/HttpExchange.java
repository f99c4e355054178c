package dev.orderflow.jmeter.http;

/**
 * What one request to the shop brought: an answer or a failure, and what it cost.
 *
 * @param response       the answer, or null on failure
 * @param failure        the failure, or null when an answer came
 * @param requestHead    the request line and headers as sent (or as they would have been sent), without body
 * @param connectNanos   time spent opening the connection (TCP and TLS), 0 when a kept-alive one was reused
 * @param firstByteNanos time from the start of the exchange to the first byte of the answer, or -1 when none came
 * @param elapsedNanos   time from the start of the exchange to its end
 * @param bytesSent      request bytes written (head and body)
 * @param headerBytes    answer bytes received up to and including the blank line after the headers
 * @param bodyBytes      answer bytes received after the headers, as they came on the wire
 */
public record HttpExchange(HttpResponse response, HttpFailure failure, String requestHead, long connectNanos,
                           long firstByteNanos, long elapsedNanos, long bytesSent, long headerBytes, long bodyBytes) {

    public boolean answered() {
        return response != null;
    }

    public long bytesReceived() {
        return headerBytes + bodyBytes;
    }
}
