package dev.orderflow.jmeter.http;

import javax.net.ssl.SSLSocketFactory;

/**
 * How a virtual user's connection behaves.
 *
 * @param connectTimeoutMillis  longest wait for TCP connect plus TLS handshake
 * @param responseTimeoutMillis longest wait for the complete answer, counted from the start of writing the request; 0 waits forever
 * @param keepAlive             reuse the connection for the next request
 * @param tls                   socket factory for https, or null for http only
 * @param verifyHostname        check the shop's certificate names the host (off when any certificate is accepted)
 * @param maxBodyBytes          how much of an answer's body is kept in memory; the rest is read and counted
 */
public record ConnectionSettings(int connectTimeoutMillis, int responseTimeoutMillis, boolean keepAlive,
                                 SSLSocketFactory tls, boolean verifyHostname, int maxBodyBytes) {

    public ConnectionSettings {
        if (connectTimeoutMillis < 0 || responseTimeoutMillis < 0) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
    }
}
