package dev.orderflow.shop.http;

import java.nio.file.Path;

/**
 * How the shop's connector speaks: plain HTTP or TLS, and whether HTTP/2 is offered beside HTTP/1.1.
 *
 * @param keyStore         a PKCS12 key store with the shop's certificate and key, or null for plain HTTP
 * @param keyStorePassword its password (of the store and of the key)
 * @param http2            also speak HTTP/2: h2 through ALPN over TLS, h2c (prior knowledge or upgrade) on plain text
 */
public record Listening(Path keyStore, String keyStorePassword, boolean http2) {

    /** Plain HTTP/1.1, as the shop always spoke. */
    public static final Listening PLAIN = new Listening(null, null, false);

    public boolean tls() {
        return keyStore != null;
    }

    @Override
    public String toString() {
        return (tls() ? "https" : "http") + (http2 ? " with HTTP/2" : "");
    }
}
