package dev.orderflow.jmeter.http;

import javax.net.ssl.SSLContext;

/**
 * How a virtual user's connection behaves.
 *
 * @param connectTimeoutMillis  longest wait for TCP connect plus TLS handshake
 * @param responseTimeoutMillis longest wait for the complete answer, counted from the start of writing the request; 0
 *        waits forever
 * @param keepAlive             reuse the connection for the next request
 * @param tls                   TLS context for https (its trust managers decide which shops are trusted)
 * @param verifyHostname        check the shop's certificate names the host (off when any certificate is accepted)
 * @param maxBodyBytes          how much of an answer's body is kept in memory; the rest is read and counted
 * @param httpVersion           the HTTP version to speak
 * @param proxy                 the forward proxy to go through, or null to connect directly
 */
public record ConnectionSettings(int connectTimeoutMillis, int responseTimeoutMillis, boolean keepAlive,
                                 SSLContext tls, boolean verifyHostname, int maxBodyBytes,
                                 HttpVersionChoice httpVersion, ProxyAddress proxy) {

    /** Settings for a direct connection. */
    public ConnectionSettings(int connectTimeoutMillis, int responseTimeoutMillis, boolean keepAlive,
                              SSLContext tls, boolean verifyHostname, int maxBodyBytes, HttpVersionChoice httpVersion) {
        this(connectTimeoutMillis, responseTimeoutMillis, keepAlive, tls, verifyHostname, maxBodyBytes,
                httpVersion, null);
    }

    /** Settings for HTTP/1.1. */
    public ConnectionSettings(int connectTimeoutMillis, int responseTimeoutMillis, boolean keepAlive,
                              SSLContext tls, boolean verifyHostname, int maxBodyBytes) {
        this(connectTimeoutMillis, responseTimeoutMillis, keepAlive, tls, verifyHostname, maxBodyBytes,
                HttpVersionChoice.HTTP_1_1);
    }

    public ConnectionSettings {
        if (connectTimeoutMillis < 0 || responseTimeoutMillis < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        if (httpVersion == null) {
            httpVersion = HttpVersionChoice.HTTP_1_1;
        }
        if (tls == null) {
            tls = TlsContexts.verifying();
        }
    }

    /**
     * What the shared HTTP client of these settings depends on: users whose settings agree here share one client
     * (its threads, buffers and TLS context), each with a connection of its own.
     */
    ClientKey clientKey() {
        return new ClientKey(connectTimeoutMillis, tls, verifyHostname, httpVersion, proxy);
    }

    /** The part of the settings one shared client is built from. */
    record ClientKey(int connectTimeoutMillis, SSLContext tls, boolean verifyHostname, HttpVersionChoice httpVersion,
                     ProxyAddress proxy) {
    }
}
