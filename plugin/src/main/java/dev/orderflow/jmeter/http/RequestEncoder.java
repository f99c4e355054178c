package dev.orderflow.jmeter.http;

import java.nio.charset.StandardCharsets;

/**
 * Writes a request's head and body into one reusable byte buffer, so that it goes out in a single
 * write: one TCP segment for the small requests of the order flow.
 */
final class RequestEncoder {

    private static final String USER_AGENT = "orderflow-jmeter";

    private byte[] buffer = new byte[1024];
    private int length;
    private int headLength;

    void encode(HttpRequest request, Endpoint endpoint, boolean keepAlive, String cookieHeader) {
        length = 0;
        ascii(request.method()).ascii(" ").ascii(request.target()).ascii(" HTTP/1.1\r\n");
        header("Host", endpoint.authority());
        header("User-Agent", USER_AGENT);
        if (!keepAlive) {
            header("Connection", "close");
        }
        if (cookieHeader != null) {
            header("Cookie", cookieHeader);
        }
        for (HttpHeader header : request.headers()) {
            header(header.name(), header.value());
        }
        byte[] body = request.body();
        if (body != null) {
            header("Content-Length", Integer.toString(body.length));
        }
        ascii("\r\n");
        headLength = length;
        if (body != null) {
            ensure(body.length);
            System.arraycopy(body, 0, buffer, length, body.length);
            length += body.length;
        }
    }

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    /** The request line and headers as text, CRLFs turned into newlines. */
    String head() {
        return new String(buffer, 0, headLength - 2, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
    }

    private void header(String name, String value) {
        ascii(name).ascii(": ").ascii(value).ascii("\r\n");
    }

    private RequestEncoder ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i); // header text is checked to be ISO-8859-1
        }
        return this;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
