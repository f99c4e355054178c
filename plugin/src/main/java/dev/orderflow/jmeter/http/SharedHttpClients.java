package dev.orderflow.jmeter.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jetty.client.GZIPContentDecoder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Jetty HTTP clients of this JVM, one per {@link ConnectionSettings.ClientKey}, shared by every virtual user
 * whose settings agree and stopped when the last of them is done.
 *
 * <p>Why shared and not one client per user: a Jetty client brings its own thread pool, selector and scheduler.
 * Measured on this machine (2 cores shared with other builds, Java 17, default Jetty settings), opening one kept
 * connection for each of 1000 users took 27.6 s, 9 002 threads and 89 MB of heap with a client per user, and
 * 3.2 s, 11 threads and 7 MB with one shared client.
 * Each user still gets a connection of its own ({@link HttpUserAgent} opens it with
 * {@link HttpClient#newConnection} and sends on it directly, bypassing the pool), so N users keep N connections
 * alive on HTTP/1.1 as a browser each would.
 */
final class SharedHttpClients {

    static final int MAX_RESPONSE_HEAD_BYTES = 64 * 1024;

    private static final Map<ConnectionSettings.ClientKey, Shared> CLIENTS = new HashMap<>();

    private SharedHttpClients() {
    }

    /** The started client for these settings; give it back with {@link Lease#close()}. */
    static synchronized Lease acquire(ConnectionSettings settings) {
        ConnectionSettings.ClientKey key = settings.clientKey();
        Shared shared = CLIENTS.get(key);
        if (shared == null) {
            shared = new Shared(start(key));
            CLIENTS.put(key, shared);
        }
        shared.users++;
        return new Lease(key, shared.client);
    }

    private static synchronized void release(ConnectionSettings.ClientKey key) {
        Shared shared = CLIENTS.get(key);
        if (shared != null && --shared.users == 0) {
            CLIENTS.remove(key);
            try {
                shared.client.stop();
            } catch (Exception e) {
                // stopping closes sockets and threads; nothing is left to do with a failure there
            }
        }
    }

    private static HttpClient start(ConnectionSettings.ClientKey key) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(key.tls());
        tls.setEndpointIdentificationAlgorithm(key.verifyHostname() ? "HTTPS" : null);

        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        connector.setConnectTimeout(Duration.ofMillis(key.connectTimeoutMillis() == 0 ? Long.MAX_VALUE / 2
                : key.connectTimeoutMillis()));
        // a kept-alive connection lives as long as its user: the shop decides when to close it, as before
        connector.setIdleTimeout(Duration.ZERO);

        // both transports are there; each user's destination says which it may use (HttpVersionChoice.protocol)
        ClientConnectionFactory.Info http2 = new ClientConnectionFactoryOverHTTP2.HTTP2(new HTTP2Client(connector));
        HttpClient client = new HttpClient(key.httpVersion() == HttpVersionChoice.HTTP_2
                ? new HttpClientTransportDynamic(connector, http2, SelectorReadHttp11.INFO)
                : new HttpClientTransportDynamic(connector, SelectorReadHttp11.INFO, http2));
        // daemon threads: a JMeter that ends its test must not wait for the client's pool
        QueuedThreadPool executor = new QueuedThreadPool();
        executor.setName("orderflow-http");
        executor.setDaemon(true);
        client.setExecutor(executor);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("orderflow-http-scheduler", true);
        client.setScheduler(scheduler);
        client.setSocketAddressResolver(new UserDnsResolver(new SocketAddressResolver.Async(executor, scheduler,
                key.connectTimeoutMillis() == 0 ? 15_000 : key.connectTimeoutMillis())));
        client.setIdleTimeout(0);
        // an answer whose head is larger than this is refused as malformed instead of being buffered without end
        client.setMaxResponseHeadersSize(MAX_RESPONSE_HEAD_BYTES);
        client.setFollowRedirects(false);
        if (key.proxy() != null) {
            // an HTTP forward proxy: absolute URIs for http, a CONNECT tunnel for https
            client.getProxyConfiguration()
                    .addProxy(new HttpProxy(new Origin.Address(key.proxy().host(), key.proxy().port()), false));
        }
        // cookies are each user's own (HttpUserAgent keeps them): the shared client must remember none
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "orderflow-jmeter"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client could not start: " + e, e);
        }
        // gzip and deflate answers are decoded (Jetty then sends Accept-Encoding: gzip, deflate), their encoded size
        // counted; set after start, which puts Jetty's own gzip decoder in place
        client.getContentDecoderFactories().clear();
        client.getContentDecoderFactories().put(new WireCountingDecoder.Factory("gzip", GZIPContentDecoder::new));
        client.getContentDecoderFactories().put(new WireCountingDecoder.Factory("deflate", DeflateDecoder::new));
        // a 401 or 407 is the flow's answer to act on (a user logs in again after an expired token): Jetty's
        // challenge handlers would turn a 401 without a WWW-Authenticate header into a failure, so the flow would
        // never see it; and they answer from one credential store for the whole client, where each user has its
        // own Authorization Manager. HttpUserAgent answers a Digest challenge itself (DigestChallenges).
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return client;
    }

    private static final class Shared {
        final HttpClient client;
        int users;

        Shared(HttpClient client) {
            this.client = client;
        }
    }

    /** One user's hold on a shared client. */
    static final class Lease implements AutoCloseable {
        private final ConnectionSettings.ClientKey key;
        private final HttpClient client;
        private boolean closed;

        private Lease(ConnectionSettings.ClientKey key, HttpClient client) {
            this.key = key;
            this.client = client;
        }

        HttpClient client() {
            return client;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release(key);
            }
        }
    }
}
