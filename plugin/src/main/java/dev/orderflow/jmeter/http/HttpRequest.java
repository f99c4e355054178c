package dev.orderflow.jmeter.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request to the shop: method, request target (path and query), extra headers, optional body.
 * Host, Content-Length, Connection and Cookie are the client's to write.
 */
public final class HttpRequest {

    private final String method;
    private final String target;
    private final List<HttpHeader> headers;
    private final byte[] body;

    private HttpRequest(String method, String target, List<HttpHeader> headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.headers = Collections.unmodifiableList(headers);
        this.body = body;
    }

    public static Builder get(String target) {
        return new Builder("GET", target, null);
    }

    public static Builder post(String target, String contentType, byte[] body) {
        return new Builder("POST", target, body).header("Content-Type", contentType);
    }

    public static Builder method(String method, String target, byte[] body) {
        return new Builder(method, target, body);
    }

    public String method() {
        return method;
    }

    public String target() {
        return target;
    }

    public List<HttpHeader> headers() {
        return headers;
    }

    /** The body, or null when the request has none. */
    public byte[] body() {
        return body;
    }

    /** Builds a request; header values are checked as they are added. */
    public static final class Builder {
        private final String method;
        private final String target;
        private final byte[] body;
        private final List<HttpHeader> headers = new ArrayList<>(4);

        private Builder(String method, String target, byte[] body) {
            if (method == null || !method.matches("[A-Z]+")) {
                throw new IllegalArgumentException("not an HTTP method: " + method);
            }
            if (target == null || !RequestTargets.isValid(target)) {
                throw new IllegalArgumentException("not a request target (a path starting with /, no spaces): " + target);
            }
            this.method = method;
            this.target = target;
            this.body = body;
        }

        public Builder header(String name, String value) {
            headers.add(new HttpHeader(name, value));
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(method, target, new ArrayList<>(headers), body);
        }
    }
}
