package dev.orderflow.shop.http;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, content type and body (null for none), and extra headers. */
public record Reply(int status, String contentType, ByteBuffer body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public static Reply json(int status, Object value) {
        return new Reply(status, JSON, ByteBuffer.wrap(Json.bytes(value)), Map.of());
    }

    public static Reply noContent() {
        return new Reply(204, null, null, Map.of());
    }

    /** A reply from a shared read-only buffer; each reply gets its own position. */
    public static Reply shared(String contentType, ByteBuffer body) {
        return new Reply(200, contentType, body.slice(), Map.of());
    }

    public static Reply error(ApiException e) {
        return error(e, Map.of());
    }

    public static Reply error(ApiException e, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("detail", e.detail());
        body.putAll(e.extra());
        return new Reply(e.status(), JSON, ByteBuffer.wrap(Json.bytes(body)), headers);
    }
}
