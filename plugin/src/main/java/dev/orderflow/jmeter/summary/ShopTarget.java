package dev.orderflow.jmeter.summary;

import java.net.URI;

/**
 * Where the listener reads the shop's own counts: the shop's base URL and its admin key.
 *
 * <p>The key is a secret: {@link #toString()} leaves it out so that it never reaches a log or a report.
 */
public record ShopTarget(URI baseUri, String adminKey) {

    /** The admin statistics endpoint of API.md. */
    public URI statsUri() {
        String base = baseUri.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/admin/stats");
    }

    @Override
    public String toString() {
        return "ShopTarget[" + baseUri + "]";
    }
}
