package dev.orderflow.jmeter.http;

/**
 * A complete answer from the shop.
 *
 * @param status        the status code
 * @param reason        the reason phrase, possibly empty
 * @param headers       the headers of the final (non-1xx) answer
 * @param head          the status line and header lines as received, for the sample's response headers
 * @param body          the decoded body (chunking removed), at most the client's body limit long
 * @param bodyTruncated true when the body was longer than the limit and only its start is kept
 */
public record HttpResponse(int status, String reason, HttpHeaders headers, String head, byte[] body,
        boolean bodyTruncated) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The media type without parameters, or null. */
    public String contentType() {
        return headers.first("Content-Type");
    }
}
