package dev.orderflow.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.shop.testing.ShopClient;
import dev.orderflow.shop.testing.ShopClient.Reply;
import dev.orderflow.shop.testing.TestData;
import dev.orderflow.shop.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The invariants of API.md under concurrency: 1000 users racing for one product, and retried orders. */
// generous: 1000 logins and a start on a 2-core machine shared with other builds can take a minute
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrentOrdersTest {

    static final int USERS = 1000;
    static final int STOCK = 500;
    static final String ADMIN_KEY = "race-admin";

    @TempDir
    static Path tmp;
    static Shop shop;
    static ShopClient client;
    static List<String> tokens;

    @BeforeAll
    static void startShopAndLogEveryoneIn() throws Exception {
        TestData data = TestData.write(tmp, USERS,
                List.of("1,Scarce Kettle,30.00," + STOCK, "2,Plenty Mug,2.50,100000"));
        // the race opens a connection per user, all from 127.0.0.1: more than the shop's default cap
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(tmp).adminKey(ADMIN_KEY).jdbcUrl(TestDatabase.jdbcUrl())
                .maxConnectionsPerAddress(2 * USERS).build());
        client = new ShopClient(shop.baseUri());
        Map<String, String> passwords = data.passwords();
        List<Reply> logins = client.sendAll(IntStream.range(0, USERS)
                .mapToObj(i -> client.request("/api/auth/login")
                        .POST(HttpRequest.BodyPublishers.ofString(ShopClient.loginBody("load_test_user_" + i,
                                passwords.get("load_test_user_" + i)))).build())
                .toList(), 50);
        tokens = new ArrayList<>();
        for (Reply reply : logins) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            tokens.add(reply.json().get("token").asText());
        }
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void reset() {
        assertThat(client.post("/api/admin/reset", "", "X-Admin-Key", ADMIN_KEY).status()).isEqualTo(204);
    }

    static JsonNode stats() {
        return client.get("/api/admin/stats", "X-Admin-Key", ADMIN_KEY).json();
    }

    static HttpRequest order(String token, String idempotencyKey) {
        HttpRequest.Builder b = client.request("/api/orders").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Token " + token);
        return (idempotencyKey == null ? b : b.header("Idempotency-Key", idempotencyKey)).build();
    }

    @Test
    void thousandUsersRacingForFiveHundredUnitsBuyExactlyFiveHundred() throws Exception {
        List<Reply> added = client.sendAll(tokens.stream().map(token -> client.request("/api/cart/items")
                .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":1,\"quantity\":1}"))
                .header("Authorization", "Token " + token).build()).toList(), 50);
        assertThat(added).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        AtomicBoolean racing = new AtomicBoolean(true);
        List<JsonNode> statsDuringRace = new ArrayList<>();
        ExecutorService statsReader = Executors.newSingleThreadExecutor();
        Future<?> reading = statsReader.submit(() -> {
            while (racing.get()) {
                statsDuringRace.add(stats());
            }
        });

        List<CompletableFuture<Reply>> orders = tokens.stream().map(t -> client.sendAsync(order(t, null))).toList();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> order : orders) {
            replies.add(order.get(60, TimeUnit.SECONDS));
        }
        racing.set(false);
        reading.get(30, TimeUnit.SECONDS);
        statsReader.shutdown();

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(STOCK);
        assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(USERS - STOCK)
                .allSatisfy(r -> {
                    assertThat(r.json().get("error").asText()).isEqualTo("insufficient_stock");
                    assertThat(r.json().get("product_id").asInt()).isEqualTo(1);
                });
        JsonNode stats = stats();
        assertThat(stats.get("units_sold").asLong()).isEqualTo(STOCK);
        assertThat(stats.get("orders").asLong()).isEqualTo(STOCK);
        assertThat(stats.get("initial_stock").asLong())
                .isEqualTo(stats.get("stock_remaining").asLong() + stats.get("units_sold").asLong());
        assertThat(statsDuringRace).isNotEmpty().allSatisfy(s -> assertThat(s.get("initial_stock").asLong())
                .isEqualTo(s.get("stock_remaining").asLong() + s.get("units_sold").asLong()));
        assertThat(client.get("/api/products").json().get("products").get(0).get("stock").asInt()).isZero();
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneOrder() throws Exception {
        String token = tokens.get(0);
        client.post("/api/cart/items", "{\"product_id\":2,\"quantity\":3}", ShopClient.token(token));
        CountDownLatch ready = new CountDownLatch(1);
        List<CompletableFuture<Reply>> retries = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.runAsync(() -> awaitQuietly(ready))
                        .thenCompose(v -> client.sendAsync(order(token, "retry-me"))))
                .toList();
        ready.countDown();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> retry : retries) {
            replies.add(retry.get(60, TimeUnit.SECONDS));
        }

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(19);
        assertThat(replies.stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(1);
        JsonNode stats = stats();
        assertThat(stats.get("orders").asLong()).isEqualTo(1);
        assertThat(stats.get("units_sold").asLong()).isEqualTo(3);
    }

    @Test
    void manyUsersOrderingAtOnceKeepTheBooksBalanced() throws Exception {
        List<CompletableFuture<Reply>> flows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String token = tokens.get(i);
            int quantity = 1 + i % 3;
            flows.add(client.sendAsync(client.request("/api/cart/items")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":2,\"quantity\":"
                                    + quantity + "}"))
                            .header("Authorization", "Token " + token).build())
                    .thenCompose(added -> client.sendAsync(order(token, "once-" + token.hashCode()))));
        }
        long units = 0;
        for (int i = 0; i < flows.size(); i++) {
            Reply reply = flows.get(i).get(60, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            units += 1 + i % 3;
        }
        JsonNode stats = stats();
        assertThat(stats.get("orders").asLong()).isEqualTo(200);
        assertThat(stats.get("units_sold").asLong()).isEqualTo(units);
        assertThat(stats.get("stock_remaining").asLong()).isEqualTo(STOCK + 100_000 - units);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
