package dev.orderflow.jmeter.http;

import java.util.Locale;

/**
 * The shop a virtual user talks to: scheme, host and port.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   a host name or an IP literal (IPv6 without brackets)
 * @param port   1 … 65535
 */
public record Endpoint(String scheme, String host, int port) {

    public Endpoint {
        scheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, not '" + scheme + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, not " + port);
        }
    }

    public boolean tls() {
        return scheme.equals("https");
    }

    /** The value of the Host header: the port is left out when it is the scheme's default. */
    public String authority() {
        String hostPart = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = tls() ? port == 443 : port == 80;
        return defaultPort ? hostPart : hostPart + ":" + port;
    }

    /** {@code scheme://authority}, without a trailing slash. */
    public String baseUrl() {
        return scheme + "://" + authority();
    }

    /** host:port, the way connection errors name the shop. */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
