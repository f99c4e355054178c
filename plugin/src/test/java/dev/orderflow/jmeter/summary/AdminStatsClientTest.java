package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class AdminStatsClientTest {

    private static final String KEY = "the-admin-key";
    private static final String STATS = "{\"users\":1000,\"products\":100,\"orders\":12,\"order_items\":20,"
            + "\"units_sold\":25,\"initial_stock\":10000000,\"stock_remaining\":9999975}";

    private HttpServer server;
    private ExecutorService handlers;
    private final CountDownLatch releaseStalled = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/ok/api/admin/stats", exchange -> {
            boolean keyed = KEY.equals(exchange.getRequestHeaders().getFirst(AdminStatsClient.ADMIN_KEY_HEADER));
            answer(exchange, keyed ? 200 : 403, keyed ? STATS : "{\"error\":\"forbidden\",\"detail\":\"admin key\"}");
        });
        // a shop whose routes end in a slash (Django's APPEND_SLASH): the path without it is redirected
        server.createContext("/django/api/admin/stats", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/")) {
                answer(exchange, 200, STATS);
            } else {
                exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getPath() + "/");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
            }
        });
        server.createContext("/broken/api/admin/stats", exchange -> answer(exchange, 500, "{\"error\":\"internal\"}"));
        server.createContext("/html/api/admin/stats", exchange -> answer(exchange, 200, "<html>stats</html>"));
        server.createContext("/partial/api/admin/stats", exchange -> answer(exchange, 200, "{\"orders\":3}"));
        server.createContext("/fraction/api/admin/stats", exchange -> answer(exchange, 200,
                STATS.replace("\"orders\":12", "\"orders\":1.5")));
        server.createContext("/stalled/api/admin/stats", exchange -> {
            try {
                releaseStalled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, STATS);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseStalled.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ShopTarget shop(String base, String key) {
        return new ShopTarget(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base), key);
    }

    @Test
    void readsTheShopsCountsWithTheAdminKey() throws Exception {
        ShopStats stats = new AdminStatsClient(Duration.ofSeconds(5)).fetch(shop("/ok/", KEY));

        assertThat(stats).isEqualTo(new ShopStats(12, 25, 10_000_000, 9_999_975));
        assertThat(stats.stockAddsUp()).isTrue();
    }

    @Test
    void readsTheStatisticsOfAShopWhoseRoutesEndInASlashFromTheConfiguredPath() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/django");

        ShopStats stats = new AdminStatsClient(Duration.ofSeconds(5))
                .fetch(new ShopTarget(base, KEY, "/api/admin/stats/"));

        assertThat(stats).isEqualTo(new ShopStats(12, 25, 10_000_000, 9_999_975));
        assertThatThrownBy(() -> new AdminStatsClient(Duration.ofSeconds(5)).fetch(new ShopTarget(base, KEY)))
                .isInstanceOf(ShopStatsException.class)
                .hasMessageContaining(
                        "answered HTTP 301 instead of 200 (a redirect: set the summary's statistics path");
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("/ok", "wrong-key", "refused the admin key (HTTP 403)"),
                Arguments.of("/broken", KEY, "answered HTTP 500 instead of 200"),
                Arguments.of("/html", KEY, "answered something that is not JSON"),
                Arguments.of("/partial", KEY, "without a whole number in field 'units_sold'"),
                Arguments.of("/fraction", KEY, "without a whole number in field 'orders'"),
                Arguments.of("/stalled", KEY, "got no answer within 3 s"));
    }

    @ParameterizedTest(name = "{0} with key {1}")
    @MethodSource("faults")
    void aFaultyShopGivesAClearMessageNamingTheRequestAndNeverTheKey(String base, String key, String problem) {
        ShopTarget shop = shop(base, key);

        assertThatThrownBy(() -> new AdminStatsClient(Duration.ofSeconds(3)).fetch(shop))
                .isInstanceOf(ShopStatsException.class)
                .hasMessageContaining("GET " + shop.statsUri())
                .hasMessageContaining(problem)
                .hasMessageNotContaining(key);
    }

    @Test
    void aShopThatIsNotListeningIsReportedAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ShopTarget shop = new ShopTarget(URI.create("http://127.0.0.1:" + closedPort), KEY);

        assertThatThrownBy(() -> new AdminStatsClient(Duration.ofSeconds(2)).fetch(shop))
                .isInstanceOf(ShopStatsException.class)
                .hasMessageStartingWith("cannot reach the shop at GET http://127.0.0.1:" + closedPort
                        + "/api/admin/stats: ")
                .hasMessageContaining("connection refused by 127.0.0.1:" + closedPort);
    }
}
