package dev.orderflow.jmeter.http;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Follows one exchange on Jetty's threads for the user's thread that waits on it: whether the request began to
 * go out, when the answer's first byte came, and the answer's body up to a limit (all of it counted).
 *
 * <p>Runs on Jetty's selector thread (see {@link SelectorReadHttp11}): nothing here may block.
 */
final class ResponseCollector implements Response.Listener, Request.BeginListener {

    private final LongSupplier nanoClock;
    private final int keptBodyBytes;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private BodyBuffer body;
    private volatile boolean requestBegun;
    private volatile long answerStartedAt = -1;
    private volatile long contentBytes;

    ResponseCollector(LongSupplier nanoClock, int keptBodyBytes) {
        this.nanoClock = nanoClock;
        this.keptBodyBytes = keptBodyBytes;
    }

    @Override
    public void onBegin(Request request) {
        // from here on bytes of the request may leave: it must never be sent again
        requestBegun = true;
    }

    @Override
    public void onBegin(Response response) {
        answerStartedAt = nanoClock.getAsLong();
    }

    @Override
    public void onHeaders(Response response) {
        // sized by the declared length, the body is copied once (a decoded body may still outgrow it)
        body = new BodyBuffer(keptBodyBytes, response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH));
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        contentBytes += content.remaining();
        if (body == null) {
            body = new BodyBuffer(keptBodyBytes, -1);
        }
        body.append(content);
    }

    @Override
    public void onComplete(Result result) {
        done.complete(result);
    }

    CompletableFuture<Result> done() {
        return done;
    }

    boolean requestBegun() {
        return requestBegun;
    }

    /** When the status line came, on the collector's clock, or -1 when no answer started. */
    long answerStartedAt() {
        return answerStartedAt;
    }

    /** Body bytes as handed over by Jetty (after any content decoding). */
    long contentBytes() {
        return contentBytes;
    }

    byte[] body() {
        return body == null ? new byte[0] : body.toBytes();
    }

    boolean bodyTruncated() {
        return body != null && body.truncated();
    }
}
