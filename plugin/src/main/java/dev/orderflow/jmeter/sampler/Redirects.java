package dev.orderflow.jmeter.sampler;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import dev.orderflow.jmeter.http.Endpoint;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.RequestTargets;

/** Where a redirect sends a GET, when it stays on the shop the virtual user's connection is to. */
final class Redirects {

    private Redirects() {
    }

    /** The next hop's URL, or null when the answer is no redirect or leads off the shop. */
    static URL next(HttpExchange exchange, URL current, Endpoint shop) {
        if (!exchange.answered()) {
            return null;
        }
        int status = exchange.response().status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return null;
        }
        String location = exchange.response().headers().first("Location");
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            URI next = current.toURI().resolve(location.trim());
            int port = next.getPort() >= 0 ? next.getPort() : "https".equalsIgnoreCase(next.getScheme()) ? 443 : 80;
            boolean sameShop = shop.scheme().equalsIgnoreCase(next.getScheme())
                    && shop.host().equalsIgnoreCase(bare(next.getHost())) && shop.port() == port;
            return sameShop && RequestTargets.isValid(target(next.toURL())) ? next.toURL() : null;
        } catch (URISyntaxException | IllegalArgumentException | MalformedURLException e) {
            return null;
        }
    }

    /** Path and query of a URL: what goes in the request line. */
    static String target(URL url) {
        String path = url.getPath().isEmpty() ? "/" : url.getPath();
        return url.getQuery() == null ? path : path + "?" + url.getQuery();
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
