package dev.orderflow.jmeter.http;

import java.util.List;

import org.eclipse.jetty.http.HttpFields;

/** The headers of a response, in the order they came, looked up without regard to case. */
public final class HttpHeaders {

    private final HttpFields fields;

    HttpHeaders(HttpFields fields) {
        this.fields = fields;
    }

    /** The value of the first header with this name, or null. */
    public String first(String name) {
        return fields.get(name);
    }

    /** Every value of headers with this name, in order. */
    public List<String> all(String name) {
        return fields.getValuesList(name);
    }
}
