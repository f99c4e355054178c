package dev.orderflow.shop;

import static dev.orderflow.shop.testing.ShopClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.shop.testing.RawHttp;
import dev.orderflow.shop.testing.ShopClient;
import dev.orderflow.shop.testing.ShopClient.Reply;
import dev.orderflow.shop.testing.TestData;
import dev.orderflow.shop.testing.TestDatabase;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint of API.md and its failures, over real HTTP against a shop on a free port. */
class ShopApiTest {

    static final String ADMIN_KEY = "test-admin-key";

    @TempDir
    static Path tmp;
    static TestData data;
    static Shop shop;
    static ShopClient client;
    static String alice;
    static String bob;

    @BeforeAll
    static void startShop() {
        data = TestData.write(tmp, 5, List.of(
                "1,Sturdy Lamp,19.99,100",
                "2,Tiny <Mug> & Co,5.00,3",
                "3,Sold Out Scarf,12.50,0",
                "4,\"Grand Clock, Oak\",120.00,10"));
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(tmp).adminKey(ADMIN_KEY)
                .jdbcUrl(TestDatabase.jdbcUrl()).build());
        client = new ShopClient(shop.baseUri());
        alice = client.login("load_test_user_0", data.password(0));
        bob = client.login("load_test_user_1", data.password(1));
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @BeforeEach
    void resetShop() {
        assertThat(client.post("/api/admin/reset", "", "X-Admin-Key", ADMIN_KEY).status()).isEqualTo(204);
    }

    static String[] admin() {
        return new String[] {"X-Admin-Key", ADMIN_KEY};
    }

    static Reply addToCart(String token, int productId, int quantity) {
        return client.post("/api/cart/items", "{\"product_id\":" + productId + ",\"quantity\":" + quantity + "}",
                token(token));
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("error").asText()).isEqualTo(code);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }

    static int stockOf(int productId) {
        for (JsonNode p : client.get("/api/products").json().get("products")) {
            if (p.get("id").asInt() == productId) {
                return p.get("stock").asInt();
            }
        }
        throw new AssertionError("no product " + productId);
    }

    @Nested
    class IndexPageAndHealth {

        @Test
        void indexPageListsEveryProductWithNamePriceAndStockAsHtml() {
            Reply page = client.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("Sturdy Lamp", "19.99", "100")
                    .contains("Tiny &lt;Mug&gt; &amp; Co", "Grand Clock, Oak", "Sold Out Scarf");
        }

        @Test
        void indexPageShowsTheStockLeftAfterAnOrder() {
            assertThat(client.get("/").body()).contains("<td>Tiny &lt;Mug&gt; &amp; Co</td><td>5.00</td><td>3</td>");
            addToCart(alice, 2, 2);
            assertThat(client.post("/api/orders", "{}", token(alice)).status()).isEqualTo(201);
            assertThat(client.get("/").body()).contains("<td>Tiny &lt;Mug&gt; &amp; Co</td><td>5.00</td><td>1</td>");
        }

        @Test
        void headOfTheIndexPageHasItsHeadersAndNoBody() {
            Reply head = client.method("HEAD", "/");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(Long.parseLong(head.header("Content-Length"))).isEqualTo(client.get("/").body().length());
        }

        @Test
        void healthSaysOk() {
            Reply health = client.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("ok");
        }
    }

    @Nested
    class Login {

        @Test
        void rightPasswordGivesATokenAndTheUserIdOfTheRow() {
            Reply reply = client.post("/api/auth/login", ShopClient.loginBody("load_test_user_3", data.password(3)));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("user_id").asInt()).isEqualTo(3);
            assertThat(reply.json().get("token").asText()).hasSizeGreaterThanOrEqualTo(22);
        }

        @Test
        void everyLoginGetsAnotherTokenAndAllOfThemWork() {
            String first = client.login("load_test_user_2", data.password(2));
            String second = client.login("load_test_user_2", data.password(2));
            assertThat(first).isNotEqualTo(second);
            assertThat(client.get("/api/cart", token(first)).status()).isEqualTo(200);
            assertThat(client.get("/api/cart", token(second)).status()).isEqualTo(200);
        }

        @Test
        void wrongPasswordIsInvalidCredentials() {
            assertError(client.post("/api/auth/login", ShopClient.loginBody("load_test_user_0", "nope")), 400,
                    "invalid_credentials");
        }

        @Test
        void unknownUserIsInvalidCredentials() {
            assertError(client.post("/api/auth/login", ShopClient.loginBody("nobody", "x")), 400,
                    "invalid_credentials");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "{\"username\":\"load_test_user_0\"}", "{\"password\":\"x\"}",
                "{\"username\":1,\"password\":\"x\"}", "{\"username\":\"a\",\"password\":null}", "[1,2]", "\"text\"",
                "{\"username\":\"a\",\"password\":\"b\"} trailing",
                "{\"username\":\"a\",\"username\":\"b\",\"password\":\"c\"}"})
        void malformedBodyIsBadRequest(String body) {
            assertError(client.post("/api/auth/login", body), 400, "bad_request");
        }
    }

    @Nested
    class Products {

        @Test
        void listsAllProductsWithPriceAsTwoPlaceStrings() {
            JsonNode products = client.get("/api/products").json().get("products");
            assertThat(products).hasSize(4);
            JsonNode first = products.get(0);
            assertThat(first.get("id").asInt()).isEqualTo(1);
            assertThat(first.get("name").asText()).isEqualTo("Sturdy Lamp");
            assertThat(first.get("price").isTextual()).isTrue();
            assertThat(first.get("price").asText()).isEqualTo("19.99");
            assertThat(first.get("stock").asInt()).isEqualTo(100);
            assertThat(products.get(1).get("price").asText()).isEqualTo("5.00");
        }

        @Test
        void inStockTrueLeavesOutSoldOutProducts() {
            JsonNode products = client.get("/api/products?in_stock=true").json().get("products");
            assertThat(products).extracting(p -> p.get("id").asInt()).containsExactly(1, 2, 4);
            assertThat(client.get("/api/products?in_stock=false").json().get("products")).hasSize(4);
        }

        @Test
        void aProductSoldOutByAnOrderLeavesTheInStockList() {
            addToCart(alice, 2, 3);
            assertThat(client.post("/api/orders", "{}", token(alice)).status()).isEqualTo(201);
            JsonNode products = client.get("/api/products/?in_stock=true").json().get("products");
            assertThat(products).extracting(p -> p.get("id").asInt()).containsExactly(1, 4);
        }

        @Test
        void inStockOtherThanTrueOrFalseIsBadRequest() {
            assertError(client.get("/api/products?in_stock=maybe"), 400, "bad_request");
        }
    }

    @Nested
    class Cart {

        @Test
        void aNewCartIsEmpty() {
            Reply cart = client.get("/api/cart", token(alice));
            assertThat(cart.status()).isEqualTo(200);
            assertThat(cart.json().get("items")).isEmpty();
            assertThat(cart.json().get("total").asText()).isEqualTo("0.00");
        }

        @Test
        void addingReturnsTheCartWithExactTotals() {
            Reply first = addToCart(alice, 1, 2);
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("total").asText()).isEqualTo("39.98");
            Reply second = addToCart(alice, 4, 1);
            JsonNode items = second.json().get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("product_id").asInt()).isEqualTo(1);
            assertThat(items.get(0).get("quantity").asInt()).isEqualTo(2);
            assertThat(items.get(0).get("price").asText()).isEqualTo("19.99");
            assertThat(second.json().get("total").asText()).isEqualTo("159.98");
            assertThat(client.get("/api/cart", token(alice)).json()).isEqualTo(second.json());
        }

        @Test
        void addingTheSameProductAgainAddsToItsQuantity() {
            addToCart(alice, 1, 2);
            JsonNode items = addToCart(alice, 1, 3).json().get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).get("quantity").asInt()).isEqualTo(5);
        }

        @Test
        void aUserSeesOnlyTheirOwnCart() {
            addToCart(alice, 1, 1);
            assertThat(client.get("/api/cart", token(bob)).json().get("items")).isEmpty();
        }

        @Test
        void moreThanTheStockIsInsufficientStockNamingTheProduct() {
            addToCart(alice, 2, 2);
            Reply reply = addToCart(alice, 2, 2);
            assertError(reply, 409, "insufficient_stock");
            assertThat(reply.json().get("product_id").asInt()).isEqualTo(2);
            assertThat(client.get("/api/cart", token(alice)).json().get("items").get(0).get("quantity").asInt())
                    .isEqualTo(2);
        }

        @Test
        void aSoldOutProductCannotBeAdded() {
            assertError(addToCart(alice, 3, 1), 409, "insufficient_stock");
        }

        @Test
        void anUnknownProductIsNotFound() {
            assertError(addToCart(alice, 999, 1), 404, "not_found");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"product_id\":1,\"quantity\":0}", "{\"product_id\":1,\"quantity\":101}",
                "{\"product_id\":1,\"quantity\":-1}", "{\"product_id\":1,\"quantity\":1.5}",
                "{\"product_id\":1,\"quantity\":\"1\"}", "{\"product_id\":\"1\",\"quantity\":1}",
                "{\"product_id\":1.0,\"quantity\":1}", "{\"product_id\":99999999999,\"quantity\":1}",
                "{\"product_id\":1}", "{\"quantity\":1}", "{\"product_id\":null,\"quantity\":1}",
                "{\"product_id\":[1],\"quantity\":1}", "{\"product_id\":1,", "", "[]", "null"})
        void malformedItemIsBadRequest(String body) {
            assertError(client.post("/api/cart/items", body, token(alice)), 400, "bad_request");
            assertThat(client.get("/api/cart", token(alice)).json().get("items")).isEmpty();
        }

        @Test
        void deleteEmptiesTheCart() {
            addToCart(alice, 1, 1);
            Reply reply = client.delete("/api/cart", token(alice));
            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(client.get("/api/cart", token(alice)).json().get("items")).isEmpty();
        }

        @Test
        void everyCartEndpointWantsAToken() {
            assertError(client.get("/api/cart"), 401, "unauthorized");
            assertError(client.delete("/api/cart"), 401, "unauthorized");
            assertError(client.post("/api/cart/items", "{\"product_id\":1,\"quantity\":1}"), 401, "unauthorized");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Token unknown-token", "Bearer x", "Token ", "Token", "token"})
        void anUnknownOrMalformedTokenIsUnauthorized(String authorization) {
            assertError(client.get("/api/cart", "Authorization", authorization), 401, "unauthorized");
        }
    }

    @Nested
    class Orders {

        @Test
        void anOrderTakesTheCartTakesTheStockAndEmptiesTheCart() {
            addToCart(alice, 1, 2);
            addToCart(alice, 2, 1);
            Reply reply = client.post("/api/orders", "{}", token(alice));
            assertThat(reply.status()).isEqualTo(201);
            JsonNode order = reply.json();
            assertThat(order.get("id").asLong()).isPositive();
            assertThat(order.get("status").asText()).isEqualTo("created");
            assertThat(order.get("total").asText()).isEqualTo("44.98");
            assertThat(order.get("items")).hasSize(2);
            assertThat(order.get("items").get(1).get("product_id").asInt()).isEqualTo(2);
            assertThat(stockOf(1)).isEqualTo(98);
            assertThat(stockOf(2)).isEqualTo(2);
            assertThat(client.get("/api/cart", token(alice)).json().get("items")).isEmpty();
        }

        @Test
        void anOrderWithoutABodyIsAccepted() {
            addToCart(alice, 1, 1);
            Reply reply = client.send(client.request("/api/orders/").POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Token " + alice).build());
            assertThat(reply.status()).isEqualTo(201);
        }

        @Test
        void anEmptyCartCannotBeOrdered() {
            assertError(client.post("/api/orders", "{}", token(alice)), 400, "cart_empty");
        }

        @Test
        void notEnoughStockRefusesTheWholeOrderAndKeepsTheCart() {
            addToCart(alice, 1, 1);
            addToCart(alice, 2, 3);
            addToCart(bob, 2, 2);
            assertThat(client.post("/api/orders", "{}", token(bob)).status()).isEqualTo(201);

            Reply refused = client.post("/api/orders", "{}", token(alice));
            assertError(refused, 409, "insufficient_stock");
            assertThat(refused.json().get("product_id").asInt()).isEqualTo(2);
            assertThat(stockOf(1)).isEqualTo(100);
            assertThat(stockOf(2)).isEqualTo(1);
            assertThat(client.get("/api/cart", token(alice)).json().get("items")).hasSize(2);
            JsonNode stats = client.get("/api/admin/stats", admin()).json();
            assertThat(stats.get("orders").asInt()).isEqualTo(1);
            assertThat(stats.get("units_sold").asInt()).isEqualTo(2);
        }

        @Test
        void theSameIdempotencyKeyAgainReturnsTheSameOrderAndChangesNothing() {
            addToCart(alice, 1, 1);
            Reply created = client.post("/api/orders", "{}", "Authorization", "Token " + alice,
                    "Idempotency-Key", "k-1");
            assertThat(created.status()).isEqualTo(201);
            addToCart(alice, 1, 1);
            Reply again = client.post("/api/orders", "{}", "Authorization", "Token " + alice, "Idempotency-Key", "k-1");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(created.json());
            assertThat(stockOf(1)).isEqualTo(99);
            assertThat(client.get("/api/cart", token(alice)).json().get("items")).hasSize(1);
            assertThat(client.get("/api/admin/stats", admin()).json().get("orders").asInt()).isEqualTo(1);
        }

        @Test
        void theSameKeyFromAnotherUserIsAnotherOrder() {
            addToCart(alice, 1, 1);
            addToCart(bob, 1, 1);
            Reply a = client.post("/api/orders", "{}", "Authorization", "Token " + alice, "Idempotency-Key", "shared");
            Reply b = client.post("/api/orders", "{}", "Authorization", "Token " + bob, "Idempotency-Key", "shared");
            assertThat(a.status()).isEqualTo(201);
            assertThat(b.status()).isEqualTo(201);
            assertThat(a.json().get("id")).isNotEqualTo(b.json().get("id"));
        }

        @Test
        void anIdempotencyKeyLongerThan64CharactersIsBadRequest() {
            addToCart(alice, 1, 1);
            assertError(client.post("/api/orders", "{}", "Authorization", "Token " + alice, "Idempotency-Key",
                    "k".repeat(65)), 400, "bad_request");
            assertThat(client.post("/api/orders", "{}", "Authorization", "Token " + alice, "Idempotency-Key",
                            "k".repeat(64))
                    .status()).isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[]", "{\"a\":1,\"a\":2}", "{} {}"})
        void aMalformedOrderBodyIsBadRequest(String body) {
            addToCart(alice, 1, 1);
            assertError(client.post("/api/orders", body, token(alice)), 400, "bad_request");
            assertThat(stockOf(1)).isEqualTo(100);
        }

        @Test
        void ordersWantAToken() {
            assertError(client.post("/api/orders", "{}"), 401, "unauthorized");
            assertError(client.get("/api/orders/1"), 401, "unauthorized");
        }

        @Test
        void aUserReadsTheirOwnOrderButNotAnotherUsers() {
            addToCart(alice, 4, 2);
            JsonNode order = client.post("/api/orders", "{}", token(alice)).json();
            String path = "/api/orders/" + order.get("id").asLong();
            Reply own = client.get(path, token(alice));
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json()).isEqualTo(order);
            assertThat(client.get(path + "/", token(alice)).json()).isEqualTo(order);
            assertError(client.get(path, token(bob)), 404, "not_found");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/orders/987654", "/api/orders/abc", "/api/orders/-1",
                "/api/orders/99999999999999999999"})
        void aMissingOrderIsNotFound(String path) {
            assertError(client.get(path, token(alice)), 404, "not_found");
        }
    }

    @Nested
    class Admin {

        @Test
        void statsCountTheShop() {
            addToCart(alice, 1, 2);
            addToCart(alice, 4, 1);
            client.post("/api/orders", "{}", token(alice));
            JsonNode stats = client.get("/api/admin/stats", admin()).json();
            assertThat(stats.get("users").asInt()).isEqualTo(5);
            assertThat(stats.get("products").asInt()).isEqualTo(4);
            assertThat(stats.get("orders").asInt()).isEqualTo(1);
            assertThat(stats.get("order_items").asInt()).isEqualTo(2);
            assertThat(stats.get("units_sold").asInt()).isEqualTo(3);
            assertThat(stats.get("initial_stock").asInt()).isEqualTo(113);
            assertThat(stats.get("stock_remaining").asInt()).isEqualTo(110);
        }

        @Test
        void resetRestoresTheSeededStockAndEmptiesOrdersAndCartsButKeepsUsers() {
            addToCart(alice, 2, 3);
            JsonNode order = client.post("/api/orders", "{}", token(alice)).json();
            addToCart(bob, 1, 1);

            assertThat(client.post("/api/admin/reset/", "", admin()).status()).isEqualTo(204);

            JsonNode stats = client.get("/api/admin/stats", admin()).json();
            assertThat(stats.get("orders").asInt()).isZero();
            assertThat(stats.get("order_items").asInt()).isZero();
            assertThat(stats.get("units_sold").asInt()).isZero();
            assertThat(stats.get("users").asInt()).isEqualTo(5);
            assertThat(stats.get("stock_remaining").asInt()).isEqualTo(113);
            assertThat(stockOf(2)).isEqualTo(3);
            assertThat(client.get("/api/cart", token(bob)).json().get("items")).isEmpty();
            assertError(client.get("/api/orders/" + order.get("id").asLong(), token(alice)), 404, "not_found");
            assertThat(client.login("load_test_user_4", data.password(4))).isNotBlank();
        }

        @Test
        void withoutTheRightKeyAdminIsForbidden() {
            assertError(client.get("/api/admin/stats"), 403, "forbidden");
            assertError(client.get("/api/admin/stats", "X-Admin-Key", "wrong"), 403, "forbidden");
            assertError(client.post("/api/admin/reset", ""), 403, "forbidden");
            assertError(client.post("/api/admin/reset", "", "X-Admin-Key", ADMIN_KEY + "x"), 403, "forbidden");
        }
    }

    @Nested
    class Protocol {

        @Test
        void aWrongMethodIsMethodNotAllowedWithAllowAndJson() {
            Reply reply = client.method("PUT", "/api/cart");
            assertError(reply, 405, "method_not_allowed");
            assertThat(reply.header("Allow")).contains("GET", "DELETE");
            assertError(client.get("/api/orders"), 405, "method_not_allowed");
            assertError(client.post("/", "{}"), 405, "method_not_allowed");
            assertError(client.get("/api/auth/login"), 405, "method_not_allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/nothing", "/api", "/api/cart/items/extra", "/api/orders/1/items"})
        void anUnknownPathIsNotFoundAsJson(String path) {
            assertError(client.get(path), 404, "not_found");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/health/", "/api/products/", "/api/admin/stats/"})
        void aTrailingSlashMeansTheSamePath(String path) {
            assertThat(client.get(path, admin()).status()).isEqualTo(200);
        }

        @Test
        void aTrailingSlashWorksForWritesToo() {
            assertThat(client.post("/api/cart/items/", "{\"product_id\":1,\"quantity\":1}", token(alice)).status())
                    .isEqualTo(201);
            assertThat(client.delete("/api/cart/", token(alice)).status()).isEqualTo(204);
        }

        @Test
        void aBodyOver64KibIsPayloadTooLarge() {
            String big = "{\"username\":\"" + "a".repeat(70_000) + "\",\"password\":\"x\"}";
            assertError(client.post("/api/auth/login", big), 413, "payload_too_large");
        }

        @Test
        void aChunkedBodyOver64KibIsPayloadTooLarge() {
            byte[] big = ("{\"product_id\":1,\"quantity\":1,\"pad\":\"" + "a".repeat(70_000) + "\"}").getBytes();
            HttpRequest request = client.request("/api/cart/items")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                    .header("Authorization", "Token " + alice).build();
            assertError(client.send(request), 413, "payload_too_large");
        }

        @Test
        void deeplyNestedOrHugeNumbersAreBadRequestNotAServerError() {
            assertError(client.post("/api/cart/items", "[".repeat(20_000), token(alice)), 400, "bad_request");
            assertError(client.post("/api/cart/items", "{\"product_id\":" + "9".repeat(5_000) + ",\"quantity\":1}",
                    token(alice)), 400, "bad_request");
        }

        @Test
        void aBodyOfExactly64KibIsRead() {
            String body = "{\"product_id\":1,\"quantity\":1,\"pad\":\"";
            body = body + "a".repeat(64 * 1024 - body.length() - 2) + "\"}";
            assertThat(body).hasSize(64 * 1024);
            assertThat(client.post("/api/cart/items", body, token(alice)).status()).isEqualTo(201);
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET /api/products?in_stock=%zz HTTP/1.1", "GET /api//cart HTTP/1.1",
                "GET /%zz HTTP/1.1", "BREW / HTTP/1.1", "GET / HTTP/9.9"})
        void aRequestJettyCannotTakeIsAnsweredWithAJsonError(String requestLine) {
            String response = RawHttp.exchange(shop.port(),
                    requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(response)).as(response).isBetween(400, 505);
            assertThat(RawHttp.body(response)).as(response).startsWith("{\"error\":");
        }

        @Test
        void headersOverTheLimitAreRefusedWithAJsonError() {
            String response = RawHttp.exchange(shop.port(), "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(response)).isEqualTo(431);
            assertThat(RawHttp.body(response)).contains("\"error\":\"bad_request\"");
        }

        @Test
        void aBodyDeclaredOver64KibIsRefusedBeforeItIsSent() {
            String response = RawHttp.exchange(shop.port(), "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 100000000\r\nConnection: close\r\n\r\n{");
            assertThat(RawHttp.status(response)).isEqualTo(413);
            assertThat(RawHttp.body(response)).contains("payload_too_large");
        }
    }
}
