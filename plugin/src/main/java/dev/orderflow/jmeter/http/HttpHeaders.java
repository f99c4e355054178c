package dev.orderflow.jmeter.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The headers of a response, in the order they came, looked up without regard to case. */
public final class HttpHeaders {

    private final List<HttpHeader> headers;

    HttpHeaders(List<HttpHeader> headers) {
        this.headers = Collections.unmodifiableList(headers);
    }

    /** The value of the first header with this name, or null. */
    public String first(String name) {
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** Every value of headers with this name, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** True when a comma-separated header with this name lists the token (e.g. Connection: close). */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
