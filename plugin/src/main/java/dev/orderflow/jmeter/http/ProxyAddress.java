package dev.orderflow.jmeter.http;

import java.util.Locale;

/**
 * The HTTP forward proxy a shop is reached through (CONNECT tunnels for https).
 *
 * @param host the proxy's host name or address
 * @param port its port
 */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a proxy port must be in 1..65535, not " + port);
        }
    }

    /**
     * The proxy JMeter itself uses for this shop (its -H/-P/-N options set these system properties, as does a
     * corporate JVM setup): {@code https.proxyHost}/{@code https.proxyPort} for https, {@code http.proxyHost}/
     * {@code http.proxyPort} for http, none when {@code http.nonProxyHosts} names the host; null when none is set.
     */
    public static ProxyAddress fromSystemProperties(Endpoint shop) {
        String prefix = shop.tls() ? "https." : "http.";
        String host = System.getProperty(prefix + "proxyHost", "").trim();
        if (host.isEmpty() || bypassed(shop.host(), System.getProperty("http.nonProxyHosts", ""))) {
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(System.getProperty(prefix + "proxyPort", shop.tls() ? "443" : "80").trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return port < 1 || port > 65535 ? null : new ProxyAddress(host, port);
    }

    /** True when the host matches one of the |-separated patterns, where * stands for any characters. */
    static boolean bypassed(String host, String nonProxyHosts) {
        String name = host.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && name.matches(java.util.regex.Pattern.quote(p).replace("*", "\\E.*\\Q"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
