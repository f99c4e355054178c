package dev.orderflow.shop.http;

import java.time.Duration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds the Jetty server for the shop. Jetty reads and writes every connection without a thread
 * while it waits, so thousands of keep-alive clients need only as many threads as requests being
 * worked on at once; those block on the database, whose pool is small, so a few hundred threads are
 * plenty. The number of threads is bounded; the job queue is not, as Jetty advises: its jobs are
 * connection events, so it holds at most a few per connection, and a bounded queue would turn a
 * burst of users into dropped connections.
 */
public final class ServerFactory {

    static final int MIN_THREADS = 16;
    static final int THREAD_IDLE_TIMEOUT_MS = 60_000;
    /** Pending connections the kernel holds for us while a burst of users connects (capped by somaxconn). */
    static final int ACCEPT_QUEUE = 4096;
    /**
     * A keep-alive connection may idle this long between requests; load-test users think between
     * iterations, and a connection closed under a client that is about to send shows up as an error.
     * Only a connection idle between requests waits this long: one that has begun a request head has
     * the request head deadline to finish it.
     */
    static final long CONNECTION_IDLE_TIMEOUT_MS = 120_000;
    /** In-flight requests may finish for this long after a stop is asked for. */
    static final long STOP_TIMEOUT_MS = 5_000;

    private ServerFactory() {
    }

    /** The protocols of the connector, outermost first: TLS, then ALPN's choice, then the HTTP versions. */
    private static ConnectionFactory[] connectionFactories(HttpConfiguration http, Listening listening) {
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        if (!listening.tls()) {
            return listening.http2()
                    ? new ConnectionFactory[] {http11, new HTTP2CServerConnectionFactory(http)}
                    : new ConnectionFactory[] {http11};
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the shop is reached as 127.0.0.1 as often as by name: its certificate need not name the host
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(listening.keyStore().toString());
        tls.setKeyStorePassword(listening.keyStorePassword());
        tls.setKeyStoreType("PKCS12");
        if (!listening.http2()) {
            return new ConnectionFactory[] {new SslConnectionFactory(tls, http11.getProtocol()), http11};
        }
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol(), http11.getProtocol());
        alpn.setDefaultProtocol(http11.getProtocol());
        return new ConnectionFactory[] {new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2, http11};
    }

    /**
     * @param headDeadline             a request head (request line and headers) must be complete this long
     *                                 after the connect, or after the first byte of a kept-alive connection's
     *                                 next request ({@link RequestHeadDeadline})
     * @param maxConnectionsPerAddress open connections one remote address may hold ({@link ConnectionsPerAddressLimit})
     */
    public static Server create(String host, int port, int maxThreads, Duration headDeadline,
                                int maxConnectionsPerAddress, Handler handler) {
        return create(host, port, maxThreads, headDeadline, maxConnectionsPerAddress, handler, Listening.PLAIN);
    }

    /** As above, speaking the protocols {@code listening} names (TLS, HTTP/2). */
    public static Server create(String host, int port, int maxThreads, Duration headDeadline,
                                int maxConnectionsPerAddress, Handler handler, Listening listening) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, MIN_THREADS, THREAD_IDLE_TIMEOUT_MS);
        threads.setName("shop");
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);

        int cores = Runtime.getRuntime().availableProcessors();
        ServerConnector connector = new ServerConnector(server, 1, Math.max(1, Math.min(cores, 4)),
                connectionFactories(http, listening));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        connector.setIdleTimeout(CONNECTION_IDLE_TIMEOUT_MS);
        connector.setReuseAddress(true);
        // Connection.Listeners added to the connector are added to every connection it makes
        connector.addEventListener(new ConnectionsPerAddressLimit(maxConnectionsPerAddress));
        RequestHeadDeadline deadline = new RequestHeadDeadline(headDeadline, connector.getScheduler());
        connector.addEventListener(deadline);
        server.addConnector(connector);

        server.setHandler(deadline.tracker(new GracefulHandler(handler)));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(false);
        return server;
    }
}
