package dev.orderflow.jmeter.http;

import java.util.Map;

import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.internal.HttpConnectionOverHTTP;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * Jetty's HTTP/1.1 client connections, each declaring that reading its answers never blocks, so that Jetty's
 * selector thread parses an answer and wakes the user waiting on it itself.
 *
 * <p>Why: Jetty treats a connection's reads as blocking unless told otherwise, and then hands every readable
 * connection from the selector thread to a pool thread (waking a reserved one, which then takes over selecting):
 * one thread wake-up more per answer, on top of waking the virtual user. What runs on an answer here cannot block:
 * Jetty's parser, {@link ResponseCollector} (copies the body, completes a future) and the content decoders. The
 * samplers' work on the answer (JSON, sub-results) runs on the user's own thread once it wakes.
 */
final class SelectorReadHttp11 extends HttpClientConnectionFactory {

    /** HTTP/1.1 for {@link org.eclipse.jetty.client.transport.HttpClientTransportDynamic}, read on the selector. */
    static final ClientConnectionFactory.Info INFO = new HttpClientConnectionFactory.HTTP11(new SelectorReadHttp11());

    private SelectorReadHttp11() {
    }

    @Override
    public Connection newConnection(EndPoint endPoint, Map<String, Object> context) {
        HttpConnectionOverHTTP connection = new HttpConnectionOverHTTP(endPoint, context) {
            @Override
            public InvocationType getInvocationType() {
                return InvocationType.NON_BLOCKING;
            }
        };
        connection.setInitialize(isInitializeConnections());
        return customize(connection, context);
    }
}
