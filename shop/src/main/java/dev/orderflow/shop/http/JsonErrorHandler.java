package dev.orderflow.shop.http;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty itself answers (a request it cannot parse, headers too large, a failure outside
 * the shop's handler) in the shop's JSON error shape instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        byte[] body = body(status, message == null ? HttpStatus.getMessage(status) : message.toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    static byte[] body(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code(status));
        body.put("detail", detail);
        return Json.bytes(body);
    }

    static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}
