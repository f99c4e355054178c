package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.LocalPostgres;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.cli.ShopOptions;

/**
 * The reference shop on a real PostgreSQL (Debian's, installed by apt-get when missing), started with
 * {@code --jdbc-url} as its README says: a plan's run reconciles with the shop's counts there, and users
 * racing for scarce stock never buy more than there is.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PostgresShopRunTest {

    private static final String ADMIN_KEY = "postgres-run-admin-key";
    /** The products of csv-data and one more with little stock, for the race. */
    private static final int SCARCE_ID = 101;
    private static final int SCARCE_STOCK = 50;
    private static final int RACERS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPostgres postgres;
    private static Shop shop;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void startShopOnPostgres() throws Exception {
        postgres = LocalPostgres.start();
        Path csv = JMeterEnvironment.csvData();
        Files.copy(csv.resolve("users.csv"), data.resolve("users.csv"));
        Files.writeString(data.resolve("products.csv"),
                Files.readString(csv.resolve("products.csv"), StandardCharsets.UTF_8)
                        .stripTrailing() + "\n" + SCARCE_ID + ",Scarce Kettle,30.00," + SCARCE_STOCK + "\n");
        shop = Shop.start(ShopOptions.parse(new String[] {"--port", "0", "--data", data.toString(),
                "--admin-key", ADMIN_KEY, "--jdbc-url", postgres.jdbcUrl()}).config());
        System.out.println("reference shop " + shop.baseUri() + " on " + postgres.describe());
    }

    @AfterAll
    static void stopShop() throws Exception {
        if (shop != null) {
            shop.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPlansRunReconcilesWithTheShopsCountsInPostgres() throws Exception {
        reset();
        OrderSummaryListener listener = TestPlans.listener(dir);
        OrderSummarySchema.PLAN.write(listener, "reference shop on PostgreSQL");
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        OrderSummarySchema.ADMIN_KEY.write(listener, ADMIN_KEY);
        OrderSummarySchema.MIN_SUCCESS_RATE.write(listener, "100");
        OrderSummarySchema.MAX_ERROR_RATE.write(listener, "0");

        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(20, 2),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener},
                TestPlans.orderFlow()), Duration.ofSeconds(180));

        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        long inPostgres = Long.parseLong(postgres.query("SELECT count(*) FROM shop_order"));
        System.out.printf("PostgreSQL run: orders attempted %d, created %d, shop +%d orders, %s rows in orders, "
                        + "stock adds up %s, verdict %s%n",
                summary.get("orders_attempted").asLong(), summary.get("orders_created").asLong(),
                summary.get("shop").get("orders_delta").asLong(), inPostgres,
                summary.get("shop").get("invariant_ok").asBoolean(), summary.get("verdict").asText());
        assertThat(summary.get("orders_attempted").asLong()).isEqualTo(40);
        assertThat(summary.get("orders_created").asLong()).isEqualTo(40);
        assertThat(summary.get("shop").get("orders_delta").asLong()).isEqualTo(40);
        assertThat(summary.get("shop").get("invariant_ok").asBoolean()).isTrue();
        // the shop's count is PostgreSQL's: the rows are there, not in an H2 beside it
        assertThat(inPostgres).isEqualTo(40);
        assertThat(summary.get("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void usersRacingForScarceStockBuyExactlyTheStock() throws Exception {
        reset();
        List<String> passwords = Files.readAllLines(data.resolve("users.csv"), StandardCharsets.UTF_8);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            String[] row = passwords.get(i + 1).split(",");
            JsonNode login = post("/api/auth/login",
                    "{\"username\":\"" + row[0] + "\",\"password\":\"" + row[1] + "\"}",
                    null, 200);
            String token = login.get("token").asText();
            post("/api/cart/items", "{\"product_id\":" + SCARCE_ID + ",\"quantity\":1}", token, 201);
            tokens.add(token);
        }

        List<CompletableFuture<HttpResponse<String>>> orders = tokens.stream()
                .map(token -> HTTP.sendAsync(request("/api/orders", "{}", token), HttpResponse.BodyHandlers.ofString()))
                .toList();
        int created = 0;
        int soldOut = 0;
        for (CompletableFuture<HttpResponse<String>> order : orders) {
            int status = order.get(120, TimeUnit.SECONDS).statusCode();
            assertThat(status).isIn(201, 409);
            created += status == 201 ? 1 : 0;
            soldOut += status == 409 ? 1 : 0;
        }

        JsonNode stats = stats();
        String remaining = postgres.query("SELECT stock FROM product WHERE id = " + SCARCE_ID);
        System.out.printf("PostgreSQL race: %d users for %d units: %d orders created, %d sold out; shop: orders %d, "
                        + "units sold %d, stock left in PostgreSQL %s%n", RACERS, SCARCE_STOCK, created, soldOut,
                stats.get("orders").asLong(), stats.get("units_sold").asLong(), remaining);
        assertThat(created).isEqualTo(SCARCE_STOCK);
        assertThat(soldOut).isEqualTo(RACERS - SCARCE_STOCK);
        assertThat(stats.get("orders").asLong()).isEqualTo(SCARCE_STOCK);
        assertThat(stats.get("units_sold").asLong()).isEqualTo(SCARCE_STOCK);
        assertThat(stats.get("initial_stock").asLong())
                .isEqualTo(stats.get("stock_remaining").asLong() + stats.get("units_sold").asLong());
        assertThat(remaining).isEqualTo("0");
    }

    private static void reset() throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(shop.baseUri().resolve("/api/admin/reset"))
                .header("X-Admin-Key", ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(204);
    }

    private static JsonNode stats() throws Exception {
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(shop.baseUri().resolve("/api/admin/stats"))
                .header("X-Admin-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(reply.body());
    }

    private static HttpRequest request(String path, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(shop.baseUri() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return (token == null ? builder : builder.header("Authorization", "Token " + token)).build();
    }

    private static JsonNode post(String path, String body, String token, int expected) throws Exception {
        HttpResponse<String> reply = HTTP.send(request(path, body, token), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(expected);
        return JSON.readTree(reply.body());
    }
}
