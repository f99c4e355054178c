package dev.orderflow.jmeter.summary;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.jmeter.config.ShopTransports;
import dev.orderflow.jmeter.http.ConnectionSettings;
import dev.orderflow.jmeter.http.Endpoint;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpFailure;
import dev.orderflow.jmeter.http.HttpRequest;
import dev.orderflow.jmeter.http.HttpUserAgent;
import dev.orderflow.jmeter.http.HttpVersionChoice;
import dev.orderflow.jmeter.http.ProxyAddress;
import dev.orderflow.jmeter.http.TlsContexts;

/**
 * Reads the shop's statistics: one GET of the statistics path with the admin key, before and after a run, on the
 * same transport as the order flow (Jetty's client through {@link HttpUserAgent}) and with the settings of the shop
 * connection that talks to the same shop in this JVM (TLS, certificate checks, HTTP version), when there is one.
 */
public final class AdminStatsClient {

    static final String ADMIN_KEY_HEADER = "X-Admin-Key";
    /** Far above any statistics answer; a larger one is not statistics. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;

    public AdminStatsClient(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @throws ShopStatsException when the shop cannot be reached, refuses the key or answers something else
     * @throws InterruptedException when the calling thread is interrupted while waiting for the shop
     */
    public ShopStats fetch(ShopTarget shop) throws ShopStatsException, InterruptedException {
        URI uri = shop.statsUri();
        Endpoint endpoint;
        try {
            endpoint = new Endpoint(uri.getScheme(), bare(uri.getHost()), port(uri));
        } catch (IllegalArgumentException e) {
            throw new ShopStatsException("GET " + uri + " is not a shop's address: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.get(target(uri))
                .header(ADMIN_KEY_HEADER, shop.adminKey())
                .header("Accept", "application/json")
                .build();
        HttpExchange exchange;
        try (HttpUserAgent agent = new HttpUserAgent(endpoint, settingsFor(endpoint))) {
            exchange = agent.send(request);
        }
        if (!exchange.answered()) {
            HttpFailure failure = exchange.failure();
            if (failure.kind() == HttpFailure.Kind.INTERRUPTED) {
                throw new InterruptedException("interrupted while reading the shop's statistics");
            }
            if (failure.kind() == HttpFailure.Kind.RESPONSE_TIMEOUT) {
                throw new ShopStatsException("GET " + uri + " got no answer within " + timeout.toSeconds() + " s");
            }
            throw new ShopStatsException("cannot reach the shop at GET " + uri + ": " + failure.kind().code()
                    + " (" + failure.message() + ")");
        }
        int status = exchange.response().status();
        if (status == 403) {
            throw new ShopStatsException("GET " + uri + " refused the admin key (HTTP 403): check the admin key field");
        }
        if (status != 200) {
            String hint = status >= 300 && status < 400
                    ? " (a redirect: set the summary's statistics path to where it points, e.g. with a trailing /)"
                    : "";
            throw new ShopStatsException("GET " + uri + " answered HTTP " + status + " instead of 200" + hint);
        }
        return parse(uri, new String(exchange.response().body(), StandardCharsets.UTF_8));
    }

    /**
     * The shop connection's settings for this shop (TLS, HTTP version, proxy) with this client's timeout; without
     * one, certificates checked, HTTP/1.1 and JMeter's own proxy settings.
     */
    private ConnectionSettings settingsFor(Endpoint endpoint) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        ConnectionSettings flow = ShopTransports.of(endpoint);
        return flow == null
                ? new ConnectionSettings(millis, millis, false, TlsContexts.verifying(), true, MAX_ANSWER_BYTES,
                        HttpVersionChoice.HTTP_1_1, ProxyAddress.fromSystemProperties(endpoint))
                : new ConnectionSettings(millis, millis, false, flow.tls(), flow.verifyHostname(), MAX_ANSWER_BYTES,
                        flow.httpVersion(), flow.proxy());
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static ShopStats parse(URI uri, String body) throws ShopStatsException {
        try {
            JsonNode stats = JSON.readTree(body);
            return new ShopStats(field(uri, stats, "orders"), field(uri, stats, "units_sold"),
                    field(uri, stats, "initial_stock"), field(uri, stats, "stock_remaining"));
        } catch (JsonProcessingException e) {
            throw new ShopStatsException("GET " + uri + " answered something that is not JSON");
        }
    }

    private static long field(URI uri, JsonNode stats, String name) throws ShopStatsException {
        JsonNode value = stats == null ? null : stats.get(name);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new ShopStatsException("GET " + uri + " answered without a whole number in field '" + name + "'");
        }
        return value.asLong();
    }
}
