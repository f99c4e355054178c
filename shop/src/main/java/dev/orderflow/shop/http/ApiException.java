package dev.orderflow.shop.http;

import java.util.Map;

/** A request the shop refuses; becomes {@code {"error": code, "detail": detail, ...extra}} with the status. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extra;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ApiException(int status, String code, String detail, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
