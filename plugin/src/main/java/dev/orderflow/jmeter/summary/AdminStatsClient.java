package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the shop's statistics: one {@code GET /api/admin/stats} with the admin key, before and after a run. */
public final class AdminStatsClient {

    static final String ADMIN_KEY_HEADER = "X-Admin-Key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;

    public AdminStatsClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @throws ShopStatsException when the shop cannot be reached, refuses the key or answers something else
     * @throws InterruptedException when the calling thread is interrupted while waiting for the shop
     */
    public ShopStats fetch(ShopTarget shop) throws ShopStatsException, InterruptedException {
        URI uri = shop.statsUri();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(ADMIN_KEY_HEADER, shop.adminKey())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ShopStatsException("GET " + uri + " got no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new ShopStatsException("cannot reach the shop at GET " + uri + ": " + describe(e));
        }
        int status = response.statusCode();
        if (status == 403) {
            throw new ShopStatsException("GET " + uri + " refused the admin key (HTTP 403): check the admin key field");
        }
        if (status != 200) {
            throw new ShopStatsException("GET " + uri + " answered HTTP " + status + " instead of 200");
        }
        return parse(uri, response.body());
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

    private static String describe(IOException e) {
        // the JDK client often leaves the message of a refused connection empty: name the exception instead
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + " (" + message + ")";
    }
}
