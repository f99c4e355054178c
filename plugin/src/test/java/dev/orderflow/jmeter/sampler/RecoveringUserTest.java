package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.Relogin;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;

/**
 * A virtual user recovers the way a person would: it empties a cart that an attempt left without an order
 * before it fills the next, and logs in again when the shop refuses its token. One user, JMeter's engine,
 * a local shop that answers as each test scripts it.
 */
@Timeout(60)
class RecoveringUserTest {

    private static final String SOLD_OUT =
            "{\"error\":\"insufficient_stock\",\"detail\":\"sold out\",\"product_id\":1}";
    private static final String EXPIRED =
            "{\"error\":\"unauthorized\",\"detail\":\"the token is not valid; log in again\"}";

    /** One user running the order flow with one product per cart. */
    private static RecordingListener run(ScriptedServer server, int iterations, Map<Setting, String> fields)
            throws Exception {
        return run(server, iterations, 1, fields);
    }

    private static RecordingListener run(ScriptedServer server, int iterations, int productsPerCart,
                                         Map<Setting, String> fields) throws Exception {
        RecordingListener listener = new RecordingListener();
        TestElement[] flow = {Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"), Plans.named(new CreateOrderSampler(), "order")};
        flow[2].setProperty(SamplerSchemas.AddToCart.MIN_PRODUCTS.name(), productsPerCart);
        flow[2].setProperty(SamplerSchemas.AddToCart.MAX_PRODUCTS.name(), productsPerCart);
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, iterations),
                new TestElement[] {Plans.shopConnection(server.port(), fields), listener}, flow),
                Duration.ofSeconds(30));
        return listener;
    }

    private static List<String> requests(ScriptedServer server) {
        return server.received().stream().map(r -> r.method() + " " + r.target()).toList();
    }

    /** Answers the first {@code times} requests as given, every later one as the reference shop would. */
    private static ScriptedShop.Endpoint firstTimes(int times, int status, String body, ScriptedShop.Endpoint then) {
        AtomicInteger calls = new AtomicInteger();
        return (c, r) -> calls.incrementAndGet() <= times ? ScriptedShop.answer(c, status, body) : then.answer(c, r);
    }

    @Test
    void aCartAnOrderLeftAfterASoldOutAnswerIsEmptiedBeforeTheNextProductIsAdded() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", firstTimes(1, 409, SOLD_OUT,
                (c, r) -> ScriptedShop.answer(c, 201, "{\"id\":2,\"status\":\"created\"}"))).start()) {
            RecordingListener listener = run(server, 2, Map.of());

            assertThat(requests(server)).containsExactly("POST /api/auth/login",
                    "GET /api/products?in_stock=true", "POST /api/cart/items", "POST /api/orders",
                    "GET /api/products?in_stock=true", "DELETE /api/cart", "POST /api/cart/items", "POST /api/orders");
            List<OrderFlowSampleResult> carts = listener.of(FlowStep.CART);
            assertThat(carts).hasSize(2).allMatch(SampleResult::isSuccessful);
            assertThat(carts.get(1).getSamplerData())
                    .startsWith("DELETE http://127.0.0.1:" + server.port() + "/api/cart\n\n"
                    + "POST http://127.0.0.1:" + server.port() + "/api/cart/items");
            assertThat(carts.get(1).getResponseCode()).isEqualTo("201");
            assertThat(listener.of(FlowStep.ORDER)).extracting(SampleResult::getResponseCode)
                    .containsExactly("409", "201");
        }
    }

    @Test
    void aCartStepEndedBySoldOutLeavesTheItemsItAddedBeforeAndTheNextAttemptEmptiesThemFirst() throws Exception {
        AtomicInteger adds = new AtomicInteger();
        try (ScriptedServer server = new ScriptedShop().on("POST /api/cart/items", (c, r) -> adds.incrementAndGet() == 2
                ? ScriptedShop.answer(c, 409, SOLD_OUT)
                : ScriptedShop.answer(c, 201, "{\"items\":[],\"total\":\"2.00\"}"))
                .on("POST /api/cart/clear", (c, r) -> ScriptedShop.answer(c, 200, "{\"items\":[],\"total\":\"0.00\"}"))
                .start()) {
            run(server, 2, 2, Map.of(ShopConnectionSchema.CART_CLEAR_METHOD, "post",
                    ShopConnectionSchema.CART_CLEAR_PATH, "/api/cart/clear"));

            assertThat(requests(server)).containsExactly("POST /api/auth/login",
                    "GET /api/products?in_stock=true", "POST /api/cart/items", "POST /api/cart/items",
                    "GET /api/products?in_stock=true", "POST /api/cart/clear", "POST /api/cart/items",
                    "POST /api/cart/items", "POST /api/orders");
        }
    }

    @Test
    void aSoldOutAnswerToTheFirstCartRequestEmptiesTheCartToo() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/cart/items", firstTimes(1, 409, SOLD_OUT,
                (c, r) -> ScriptedShop.answer(c, 201, "{\"items\":[],\"total\":\"2.00\"}"))).start()) {
            run(server, 2, Map.of());

            assertThat(requests(server)).as("the conflict may come from what the cart held already")
                    .containsExactly("POST /api/auth/login", "GET /api/products?in_stock=true", "POST /api/cart/items",
                            "GET /api/products?in_stock=true", "DELETE /api/cart", "POST /api/cart/items",
                            "POST /api/orders");
        }
    }

    @Test
    void aUserWhoseOrdersAreCreatedNeverEmptiesItsCart() throws Exception {
        try (ScriptedServer server = new ScriptedShop().start()) {
            RecordingListener listener = run(server, 3, Map.of());

            assertThat(requests(server)).doesNotContain("DELETE /api/cart").hasSize(1 + 3 * 3);
            assertThat(listener.all()).allMatch(SampleResult::isSuccessful);
        }
    }

    @Test
    void aShopThatNeedsNoCartClearingGetsNone() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", firstTimes(1, 409, SOLD_OUT,
                (c, r) -> ScriptedShop.answer(c, 201, "{\"id\":2,\"status\":\"created\"}"))).start()) {
            run(server, 2, Map.of(ShopConnectionSchema.CART_CLEAR_PATH, ""));

            assertThat(requests(server)).doesNotContain("DELETE /api/cart").hasSize(1 + 2 * 3);
        }
    }

    @Test
    void aCartThatCannotBeEmptiedFailsTheCartStepSayingSo() throws Exception {
        try (ScriptedServer server = new ScriptedShop()
                .on("POST /api/orders", (c, r) -> ScriptedShop.answer(c, 409, SOLD_OUT))
                .on("DELETE /api/cart", (c, r) -> ScriptedShop.answer(c, 500, "{\"error\":\"internal\"}")).start()) {
            RecordingListener listener = run(server, 2, Map.of());

            OrderFlowSampleResult second = listener.of(FlowStep.CART).get(1);
            assertThat(second.isSuccessful()).isFalse();
            assertThat(second.getResponseCode()).isEqualTo("500");
            assertThat(second.getResponseMessage())
                    .isEqualTo(
                            "emptying the cart an earlier attempt left (DELETE /api/cart) was answered 500 Status 500");
            assertThat(listener.of(FlowStep.ORDER)).as("the iteration ends with the cart step").hasSize(1);
            assertThat(requests(server)).filteredOn(r -> r.startsWith("POST /api/cart/items")).hasSize(1);
        }
    }

    @Test
    void anOrderRefusedFor401LogsInAgainAndIsSentOnceMoreWithTheSameIdempotencyKey() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", firstTimes(1, 401, EXPIRED,
                (c, r) -> ScriptedShop.answer(c, 201, "{\"id\":2,\"status\":\"created\"}")))
                .on("POST /api/auth/login", (c, r) -> ScriptedShop.answer(c, 200,
                        "{\"token\":\"token-" + logins.incrementAndGet() + "\",\"user_id\":1}")).start()) {
            RecordingListener listener = run(server, 1, Map.of());

            assertThat(requests(server)).containsExactly("POST /api/auth/login", "GET /api/products?in_stock=true",
                    "POST /api/cart/items", "POST /api/orders", "POST /api/auth/login", "POST /api/orders");
            List<ScriptedServer.Received> orders = server.received().stream()
                    .filter(r -> r.target().equals("/api/orders")).toList();
            assertThat(orders.get(1).header("Idempotency-Key")).isEqualTo(orders.get(0).header("Idempotency-Key"));
            assertThat(orders).extracting(r -> r.header("Authorization"))
                    .containsExactly("Token token-1", "Token token-2");

            OrderFlowSampleResult order = listener.of(FlowStep.ORDER).get(0);
            assertThat(listener.of(FlowStep.ORDER)).hasSize(1);
            assertThat(order.isSuccessful()).isTrue();
            assertThat(order.getRelogin()).isEqualTo(Relogin.SUCCEEDED);
            assertThat(order.getResponseCode()).isEqualTo("201");
            assertThat(order.getResponseMessage()).isEqualTo("Status 201 (logged in again after a 401)");
            assertThat(order.getSamplerData())
                    .contains("/api/auth/login\n\n{\"username\":\"load_test_user_0\",\"password\":\"***\"}");
            assertThat(listener.of(FlowStep.LOGIN)).as("the re-login is the order's, not a login sample").hasSize(1);
            assertThat(listener.all()).filteredOn(s -> ((OrderFlowSampleResult) s).isAttemptStart()).hasSize(1);
        }
    }

    @Test
    void aStepLogsInAgainOnlyOnceAndFailsWhenTheFreshTokenIsRefusedToo() throws Exception {
        try (ScriptedServer server = new ScriptedShop()
                .on("GET /api/products?in_stock=true", (c, r) -> ScriptedShop.answer(c, 401, EXPIRED)).start()) {
            RecordingListener listener = run(server, 1, Map.of());

            assertThat(requests(server)).containsExactly("POST /api/auth/login", "GET /api/products?in_stock=true",
                    "POST /api/auth/login", "GET /api/products?in_stock=true");
            OrderFlowSampleResult products = listener.of(FlowStep.PRODUCTS).get(0);
            assertThat(products.isSuccessful()).isFalse();
            assertThat(products.getRelogin()).isEqualTo(Relogin.SUCCEEDED);
            assertThat(products.getResponseCode()).isEqualTo("401");
            assertThat(products.getResponseMessage()).isEqualTo("Status 401 (logged in again after a 401)");
        }
    }

    @Test
    void aFailedReloginFailsTheStepSayingSoAndTheNextIterationLogsInAfresh() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        AtomicInteger lists = new AtomicInteger();
        try (ScriptedServer server = new ScriptedShop()
                .on("POST /api/auth/login", (c, r) -> logins.incrementAndGet() == 2
                        ? ScriptedShop.answer(c, 400, "{\"error\":\"invalid_credentials\"}")
                        : ScriptedShop.answer(c, 200, "{\"token\":\"t0ken-" + logins.get() + "\",\"user_id\":1}"))
                .on("GET /api/products?in_stock=true", (c, r) -> lists.incrementAndGet() == 1
                        ? ScriptedShop.answer(c, 401, EXPIRED) : ScriptedShop.answer(c, 200, ScriptedShop.PRODUCTS))
                        .start()) {
            RecordingListener listener = run(server, 2, Map.of());

            OrderFlowSampleResult products = listener.of(FlowStep.PRODUCTS).get(0);
            assertThat(products.isSuccessful()).isFalse();
            assertThat(products.getRelogin()).isEqualTo(Relogin.FAILED);
            assertThat(products.getResponseMessage()).isEqualTo(
                    "the shop refused the token (401) and logging in again failed: the login was answered "
                            + "400 Status 400");
            assertThat(requests(server)).containsExactly("POST /api/auth/login", "GET /api/products?in_stock=true",
                    "POST /api/auth/login", "POST /api/auth/login", "GET /api/products?in_stock=true",
                    "POST /api/cart/items", "POST /api/orders");
            assertThat(listener.of(FlowStep.LOGIN)).as("the second iteration logs in with a sample of its own")
                    .hasSize(2).allMatch(SampleResult::isSuccessful);
            assertThat(listener.of(FlowStep.ORDER)).hasSize(1).allMatch(SampleResult::isSuccessful);
        }
    }
}
