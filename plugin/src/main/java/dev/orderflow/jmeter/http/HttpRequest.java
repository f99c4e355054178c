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
    private final int keptBodyBytes;

    private HttpRequest(String method, String target, List<HttpHeader> headers, byte[] body, int keptBodyBytes) {
        this.method = method;
        this.target = target;
        this.headers = Collections.unmodifiableList(headers);
        this.body = body;
        this.keptBodyBytes = keptBodyBytes;
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

    /**
     * This request with more headers: each is added unless the request has a header of that name already (the
     * flow's own headers, such as the auth token and the content type, win).
     */
    public HttpRequest withHeaders(List<HttpHeader> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<HttpHeader> all = new ArrayList<>(headers.size() + more.size());
        all.addAll(headers);
        for (HttpHeader header : more) {
            if (!has(header.name())) {
                all.add(header);
            }
        }
        return new HttpRequest(method, target, all, body, keptBodyBytes);
    }

    /** True when the request has a header of this name, whatever its case. */
    public boolean has(String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The same GET (headers and kept body size) for another target on the same shop: a redirect's next hop. */
    public HttpRequest redirectedTo(String newTarget) {
        if (!RequestTargets.isValid(newTarget)) {
            throw new IllegalArgumentException("not a request target (a path starting with /, no spaces): "
                    + newTarget);
        }
        return new HttpRequest("GET", newTarget, new ArrayList<>(headers), null, keptBodyBytes);
    }

    /** How much of the answer's body to keep in memory, or -1 for as much as the connection's settings allow. */
    public int keptBodyBytes() {
        return keptBodyBytes;
    }

    /** Builds a request; header values are checked as they are added. */
    public static final class Builder {
        private final String method;
        private final String target;
        private final byte[] body;
        private final List<HttpHeader> headers = new ArrayList<>(4);
        private int keptBodyBytes = -1;

        private Builder(String method, String target, byte[] body) {
            if (!isMethodName(method)) {
                throw new IllegalArgumentException("not an HTTP method: " + method);
            }
            if (target == null || !RequestTargets.isValid(target)) {
                throw new IllegalArgumentException("not a request target (a path starting with /, no spaces): "
                        + target);
            }
            this.method = method;
            this.target = target;
            this.body = body;
        }

        public Builder header(String name, String value) {
            headers.add(new HttpHeader(name, value));
            return this;
        }

        /**
         * Keeps at most this many bytes of the answer's body; the rest is read and counted, not stored. A sampler
         * that only shows the answer asks for no more than it shows, which saves a copy of every page.
         */
        public Builder keepBodyUpTo(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("a body size must not be negative: " + bytes);
            }
            keptBodyBytes = bytes;
            return this;
        }

        public HttpRequest build() {
            return new HttpRequest(method, target, new ArrayList<>(headers), body, keptBodyBytes);
        }

        // a plain loop, not a regular expression: a request is built for every sample
        private static boolean isMethodName(String method) {
            if (method == null || method.isEmpty()) {
                return false;
            }
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (c < 'A' || c > 'Z') {
                    return false;
                }
            }
            return true;
        }
    }
}
