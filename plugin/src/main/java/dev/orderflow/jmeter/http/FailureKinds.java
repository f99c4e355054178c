package dev.orderflow.jmeter.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.BadMessageException;

/** Turns what Jetty reports for a failed connect or exchange into the failure a sample shows. */
final class FailureKinds {

    private FailureKinds() {
    }

    /** A connection that could not be made: nothing of the request has left. */
    static HttpFailure connectFailure(Throwable cause, Endpoint endpoint, int connectTimeoutMillis) {
        Throwable e = root(cause);
        String where = endpoint.hostAndPort();
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new HttpFailure(HttpFailure.Kind.CONNECT_REFUSED, "connection refused by " + where, false);
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return new HttpFailure(HttpFailure.Kind.CONNECT_TIMEOUT,
                    "no connection to " + where + " within " + connectTimeoutMillis + " ms (connect timeout)", false);
        }
        if (e instanceof UnknownHostException) {
            return new HttpFailure(HttpFailure.Kind.UNKNOWN_HOST, "unknown host " + endpoint.host(), false);
        }
        if (e instanceof SSLException) {
            return new HttpFailure(HttpFailure.Kind.TLS_HANDSHAKE,
                    "TLS handshake with " + where + " failed: " + e.getMessage(), false);
        }
        return new HttpFailure(HttpFailure.Kind.CONNECT_FAILED, "cannot connect to " + where + ": " + e, false);
    }

    /**
     * An exchange that brought no complete answer.
     *
     * @param sent          bytes of the request may have left: the shop may have acted on it
     * @param answerStarted part of the answer came
     */
    static HttpFailure exchangeFailure(Throwable cause, boolean sent, boolean answerStarted, Endpoint endpoint,
                                       int responseTimeoutMillis) {
        Throwable e = root(cause);
        if (find(e, SSLHandshakeException.class) != null) {
            // TLS carries no application data before the handshake ends: nothing of the request has left
            return connectFailure(find(e, SSLHandshakeException.class), endpoint, 0);
        }
        if (e instanceof TimeoutException) {
            return new HttpFailure(HttpFailure.Kind.RESPONSE_TIMEOUT, answerStarted
                    ? "answer incomplete after " + responseTimeoutMillis + " ms (response timeout)"
                    : "no answer within " + responseTimeoutMillis + " ms (response timeout)", sent);
        }
        BadMessageException badMessage = find(e, BadMessageException.class);
        if (badMessage != null || e instanceof HttpResponseException) {
            // Jetty's own message names its internal objects; the parser's reason is what the shop did wrong
            String reason = badMessage != null ? badMessage.getReason()
                    : ((HttpResponseException) e).getResponse().getReason();
            return new HttpFailure(HttpFailure.Kind.MALFORMED_RESPONSE, "malformed answer: " + reason, sent);
        }
        String text = messages(e);
        if (text.contains("reset")) {
            return new HttpFailure(HttpFailure.Kind.CONNECTION_RESET, answerStarted
                    ? "connection reset by the shop in the middle of the answer"
                    : "connection reset by the shop", sent);
        }
        // Jetty reads a reset as the end of the stream (its endpoint shuts input down on a failed read): a reset
        // while reading lands here too. For the order funnel both mean the same, the request may have been acted on.
        if (e instanceof EOFException || e instanceof ClosedChannelException || text.contains("closed")
                || text.contains("broken pipe")) {
            return new HttpFailure(HttpFailure.Kind.CONNECTION_CLOSED, answerStarted
                    ? "the shop closed the connection in the middle of the answer"
                    : "the shop closed the connection before answering", sent);
        }
        return new HttpFailure(HttpFailure.Kind.IO_ERROR,
                "I/O error talking to " + endpoint.hostAndPort() + ": " + e, sent);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }

    /** Every message in the cause chain, lower case: Jetty often wraps the socket's own exception. */
    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            text.append(at.getMessage()).append(' ');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static Throwable root(Throwable e) {
        Throwable at = e;
        while (at.getCause() != null && at.getCause() != at
                && (at instanceof java.util.concurrent.ExecutionException
                        || at instanceof java.util.concurrent.CompletionException)) {
            at = at.getCause();
        }
        return at;
    }
}
