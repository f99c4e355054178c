package dev.orderflow.shop.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** One request as endpoints see it: headers, query, path parameters and a size-limited body. */
public final class Exchange {

    /** Larger bodies are refused with 413 payload_too_large. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Request request;
    private final Map<String, String> pathParams;

    Exchange(Request request, Map<String, String> pathParams) {
        this.request = request;
        this.pathParams = pathParams;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The value of a query parameter, or null. */
    public String query(String name) {
        if (request.getHttpURI().getQuery() == null) {
            return null;
        }
        Fields fields = Request.extractQueryParameters(request);
        return fields.getValue(name);
    }

    /** The body as a JSON object (400 if it is not one, 413 if it is too large). */
    public ObjectNode jsonObject() {
        return Json.object(body());
    }

    /** The body as a JSON object, or an empty object when the request has no body. */
    public ObjectNode optionalJsonObject() {
        byte[] body = body();
        return body.length == 0 ? JsonNodeFactory.instance.objectNode() : Json.object(body);
    }

    byte[] body() {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared : 1024];
        int size = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (true) {
                if (size == buffer.length) {
                    if (size > MAX_BODY_BYTES) {
                        throw tooLarge();
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2 + 1, MAX_BODY_BYTES + 1));
                }
                int n = in.read(buffer, size, buffer.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
            }
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read: " + e.getMessage());
        }
        if (size > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
