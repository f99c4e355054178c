package dev.orderflow.shop.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's one Jetty handler: routes the request, runs the endpoint, and writes its reply or its
 * error as JSON. Endpoints block (on the database), so Jetty calls this on a pool thread.
 */
public final class ShopHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ShopHandler.class);

    private final Router router;

    public ShopHandler(Router router) {
        super(InvocationType.BLOCKING);
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        try {
            reply = dispatch(request, head ? "GET" : method);
        } catch (ApiException e) {
            reply = Reply.error(e);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, request.getHttpURI().getPath(), e);
            reply = Reply.error(new ApiException(500, "internal", "the shop failed to answer this request"));
        }
        write(reply, head, response, callback);
        return true;
    }

    private Reply dispatch(Request request, String method) {
        Router.Match match = router.match(request.getHttpURI().getPath());
        if (match == null) {
            throw ApiException.notFound("there is nothing at " + request.getHttpURI().getPath());
        }
        Endpoint endpoint = match.resource().byMethod().get(method);
        if (endpoint == null) {
            String allow = match.resource().allow();
            return Reply.error(new ApiException(405, "method_not_allowed",
                    request.getMethod() + " is not allowed here; use " + allow), Map.of("Allow", allow));
        }
        return endpoint.handle(new Exchange(request, match.params()));
    }

    private static void write(Reply reply, boolean head, Response response, Callback callback) {
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        reply.headers().forEach(headers::put);
        ByteBuffer body = reply.body();
        if (body == null) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return;
        }
        headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        headers.put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : body, callback);
    }
}
