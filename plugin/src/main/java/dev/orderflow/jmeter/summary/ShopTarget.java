package dev.orderflow.jmeter.summary;

import java.net.URI;

/**
 * Where the listener reads the shop's own counts: the shop's base URL, its admin key and the statistics path.
 *
 * <p>The key is a secret: {@link #toString()} leaves it out so that it never reaches a log or a report.
 */
public record ShopTarget(URI baseUri, String adminKey, String statsPath) {

    /** The admin statistics path of API.md, the default of the summary's field. */
    public static final String DEFAULT_STATS_PATH = "/api/admin/stats";

    /** A shop whose statistics are at API.md's path. */
    public ShopTarget(URI baseUri, String adminKey) {
        this(baseUri, adminKey, DEFAULT_STATS_PATH);
    }

    /** The statistics endpoint: the base URL with the statistics path (a shop whose routes end in / has its own). */
    public URI statsUri() {
        String base = baseUri.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + statsPath);
    }

    @Override
    public String toString() {
        return "ShopTarget[" + baseUri + "]";
    }
}
