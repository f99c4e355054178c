package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;

/** The order flow on JMeter's engine against a local shop that fails on purpose. */
@Timeout(60)
class SamplerFaultsTest {

    private static final Map<Setting, String> QUICK = Map.of(ShopConnectionSchema.RESPONSE_TIMEOUT, "300");

    private static RecordingListener run(ScriptedServer server, int users, int iterations, Map<Setting, String> fields,
                                         TestElement... samplers) throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(users, iterations),
                new TestElement[] {Plans.shopConnection(server.port(), fields), listener}, samplers),
                Duration.ofSeconds(30));
        return listener;
    }

    private static TestElement[] orderFlow() {
        return new TestElement[] {Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"), Plans.named(new CreateOrderSampler(), "order")};
    }

    /** The order flow with exactly one product per cart: one cart request per iteration. */
    private static TestElement[] orderFlowWithOneProduct() {
        TestElement[] flow = orderFlow();
        flow[2].setProperty(SamplerSchemas.AddToCart.MAX_PRODUCTS.name(), 1);
        return flow;
    }

    private static OrderFlowSampleResult onlyOrder(RecordingListener listener) {
        List<OrderFlowSampleResult> orders = listener.of(FlowStep.ORDER);
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }

    /** The order sample of one user's one iteration when the shop answers the order as given. */
    private static OrderFlowSampleResult orderWhenTheShopAnswers(ScriptedShop.Endpoint order) throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", order).start()) {
            return onlyOrder(run(server, 1, 1, QUICK, orderFlow()));
        }
    }

    @Test
    void anOrderAnsweredWith503IsRejectedNotUnknown() throws Exception {
        OrderFlowSampleResult order = orderWhenTheShopAnswers((c, r) -> ScriptedShop.answer(c, 503,
                "{\"error\":\"internal\"}"));

        assertThat(order.isSuccessful()).isFalse();
        assertThat(order.isOutcomeUnknown()).isFalse();
        assertThat(order.getResponseCode()).isEqualTo("503");
        assertThat(order.getResponseMessage()).isEqualTo("Status 503");
        assertThat(order.getResponseDataAsString()).isEqualTo("{\"error\":\"internal\"}");
    }

    @Test
    void anOrderWithNoAnswerWithinTheResponseTimeoutHasAnUnknownOutcome() throws Exception {
        OrderFlowSampleResult order = orderWhenTheShopAnswers((c, r) -> {
            c.stall();
            return false;
        });

        assertThat(order.isSuccessful()).isFalse();
        assertThat(order.isOutcomeUnknown()).isTrue();
        assertThat(order.getResponseCode()).isEqualTo("Non HTTP response code: response timeout");
        assertThat(order.getResponseMessage()).isEqualTo("no answer within 300 ms (response timeout)");
        assertThat(order.getTime()).isGreaterThanOrEqualTo(300);
        assertThat(order.getLatency()).isZero();
    }

    @Test
    void anOrderWhoseConnectionDropsAfterTheShopReadItHasAnUnknownOutcomeAndIsNotSentAgain() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", (c, r) -> {
            c.close();
            return false;
        }).start()) {
            OrderFlowSampleResult order = onlyOrder(run(server, 1, 1, QUICK, orderFlow()));

            assertThat(order.isOutcomeUnknown()).isTrue();
            assertThat(order.getResponseMessage()).isEqualTo("the shop closed the connection before answering");
            assertThat(server.received()).filteredOn(r -> r.target().equals("/api/orders")).hasSize(1);
        }
    }

    @Test
    void anOrderWhoseConnectionIsResetHasAnUnknownOutcome() throws Exception {
        OrderFlowSampleResult order = orderWhenTheShopAnswers((c, r) -> {
            c.reset();
            return false;
        });

        assertThat(order.isOutcomeUnknown()).isTrue();
        // Jetty reads a reset as the end of the stream; the order's outcome is unknown either way
        assertThat(order.getResponseCode()).isEqualTo("Non HTTP response code: connection closed");
        assertThat(order.getResponseMessage()).isEqualTo("the shop closed the connection before answering");
    }

    @Test
    void anOrderThatCouldNotEvenConnectIsFailedNotUnknown() throws Exception {
        ScriptedServer[] self = new ScriptedServer[1];
        try (ScriptedServer server = new ScriptedShop().on("POST /api/cart/items", (c, r) -> {
            self[0].stopListening(); // the shop goes away with the cart's answer …
            c.answer(201, "{}", "Connection: close"); // … and closes this connection after it
            c.close();
            return false;
        }).start()) {
            self[0] = server;
            OrderFlowSampleResult order = onlyOrder(run(server, 1, 1, QUICK, orderFlowWithOneProduct()));

            assertThat(order.isSuccessful())
                    .as("order answered %s %s after %d connections and requests %s", order.getResponseCode(),
                            order.getResponseMessage(), server.connections(), server.received())
                    .isFalse();
            assertThat(order.isOutcomeUnknown()).isFalse();
            assertThat(order.getResponseCode()).isEqualTo("Non HTTP response code: connection refused");
            assertThat(order.getResponseMessage()).isEqualTo("connection refused by 127.0.0.1:" + server.port());
            assertThat(order.getSentBytes()).isZero();
        }
    }

    @Test
    void aCartConflictFailsTheCartStepAndEndsTheIterationBeforeAnyOrder() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/cart/items",
                (c, r) -> ScriptedShop.answer(c, 409, "{\"error\":\"insufficient_stock\",\"detail\":\"sold out\"}"))
                        .start()) {
            RecordingListener listener = run(server, 1, 1, QUICK, orderFlow());

            List<OrderFlowSampleResult> carts = listener.of(FlowStep.CART);
            assertThat(carts).hasSize(1);
            assertThat(carts.get(0).isSuccessful()).isFalse();
            assertThat(carts.get(0).getResponseCode()).isEqualTo("409");
            assertThat(carts.get(0).isAttemptStart()).isFalse();
            assertThat(listener.of(FlowStep.PRODUCTS).get(0).isAttemptStart()).isTrue();
            assertThat(listener.of(FlowStep.ORDER)).isEmpty();
        }
    }

    @Test
    void aRejectedLoginEndsTheIterationAndIsTriedAgainInTheNext() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/auth/login",
                (c, r) -> ScriptedShop.answer(c, 400, "{\"error\":\"invalid_credentials\"}")).start()) {
            RecordingListener listener = run(server, 1, 2, QUICK, orderFlow());

            assertThat(listener.of(FlowStep.LOGIN)).hasSize(2).noneMatch(SampleResult::isSuccessful)
                    .extracting(SampleResult::getResponseCode).containsOnly("400");
            assertThat(listener.all()).hasSize(2);
        }
    }

    @Test
    void aLoginAnswerWithoutATokenFailsWithThePointerNamed() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/auth/login",
                (c, r) -> ScriptedShop.answer(c, 200, "{\"key\":\"abc\"}")).start()) {
            RecordingListener listener = run(server, 1, 1, QUICK, orderFlow());

            assertThat(listener.all()).hasSize(1);
            assertThat(listener.of(FlowStep.LOGIN).get(0).getResponseMessage())
                    .isEqualTo("the login answer has no token at /token");
        }
    }

    @Test
    void aTokenFromAnotherPointerAndHeaderReachesTheShop() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("POST /api/auth/login",
                (c, r) -> ScriptedShop.answer(c, 200, "{\"auth\":{\"jwt\":\"eyJ.abc\"}}")).start()) {
            run(server, 1, 1, Map.of(ShopConnectionSchema.TOKEN_POINTER, "/auth/jwt",
                    ShopConnectionSchema.AUTH_HEADER_TEMPLATE, "Bearer {token}"),
                    orderFlow());

            ScriptedServer.Received order = server.received().stream().filter(r -> r.target().equals("/api/orders"))
                    .findFirst().orElseThrow();
            assertThat(order.header("Authorization")).isEqualTo("Bearer eyJ.abc");
            assertThat(order.header("Idempotency-Key")).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void aProductsAnswerWithoutAListFailsAndTheCartThenHasNothingToPick() throws Exception {
        try (ScriptedServer server = new ScriptedShop().on("GET /api/products?in_stock=true",
                (c, r) -> ScriptedShop.answer(c, 200, "{\"items\":[]}")).start()) {
            RecordingListener listener = run(server, 1, 1, QUICK, orderFlow());

            assertThat(listener.of(FlowStep.PRODUCTS).get(0).getResponseMessage())
                    .isEqualTo("the products answer has no product list at /products");
            assertThat(listener.of(FlowStep.CART).get(0).getResponseMessage())
                    .isEqualTo("no products known: put a List products sampler before Add to cart");
            assertThat(listener.of(FlowStep.ORDER)).isEmpty();
        }
    }

    @Test
    void addsTwoDistinctProductsInOneCartSampleWhenAskedForTwo() throws Exception {
        try (ScriptedServer server = new ScriptedShop().start()) {
            AddToCartSampler cart = Plans.named(new AddToCartSampler(), "cart");
            cart.setProperty(SamplerSchemas.AddToCart.MIN_PRODUCTS.name(), 2);
            cart.setProperty(SamplerSchemas.AddToCart.MAX_PRODUCTS.name(), 2);
            RecordingListener listener = run(server, 1, 1, QUICK, Plans.named(new LoginSampler(), "login"),
                    Plans.named(new ListProductsSampler(), "products"), cart);

            OrderFlowSampleResult sample = listener.of(FlowStep.CART).get(0);
            List<String> bodies = server.received().stream().filter(r -> r.target().equals("/api/cart/items"))
                    .map(ScriptedServer.Received::body).toList();
            assertThat(bodies).containsExactlyInAnyOrder("{\"product_id\":1,\"quantity\":1}",
                    "{\"product_id\":2,\"quantity\":1}");
            assertThat(sample.isSuccessful()).isTrue();
            assertThat(sample.getSamplerData().split("POST ")).hasSize(3);
            assertThat(sample.getSubResults()).extracting(SampleResult::getSampleLabel)
                    .containsExactly("cart-0", "cart-1");
        }
    }

    @Test
    void aUserWithoutARowInTheUsersFileFailsToLogInWithTheReason(@TempDir Path folder) throws Exception {
        Path users = Files.writeString(folder.resolve("two-users.csv"),
                "username,password\nu0,p0-secret\nu1,p1-secret\n");
        try (ScriptedServer server = new ScriptedShop().start()) {
            RecordingListener listener = run(server, 3, 1,
                    Map.of(ShopConnectionSchema.USERS_FILE, users.toString()), orderFlow());

            List<OrderFlowSampleResult> logins = listener.of(FlowStep.LOGIN);
            assertThat(logins).hasSize(3);
            OrderFlowSampleResult third = logins.stream().filter(l -> l.getUserNumber() == 2).findFirst().orElseThrow();
            assertThat(third.isSuccessful()).isFalse();
            assertThat(third.getResponseMessage())
                    .isEqualTo("virtual user 2 has no row in two-users.csv: it has 2 users (rows 0..1)");
            assertThat(listener.of(FlowStep.ORDER)).hasSize(2);
        }
    }

    @Test
    void aSamplerWithoutAShopConnectionFailsAndStopsItsUser() throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 3), new TestElement[] {listener},
                Plans.named(new PageSampler(), "index")), Duration.ofSeconds(30));

        assertThat(listener.all()).hasSize(1);
        assertThat(listener.all().get(0).getResponseMessage())
                .isEqualTo("no Shop connection applies to this sampler: add one to the test plan or its thread group");
    }

    @Test
    void thePageSamplerGetsAnyPathAndCountsA404AsAFailure() throws Exception {
        try (ScriptedServer server = new ScriptedShop().start()) {
            PageSampler missing = Plans.named(new PageSampler(), "missing");
            missing.setProperty(SamplerSchemas.Page.PATH.name(), "/nothing-here");
            RecordingListener listener = run(server, 1, 1, QUICK, Plans.named(new PageSampler(), "index"), missing);

            List<OrderFlowSampleResult> pages = listener.of(FlowStep.PAGE);
            assertThat(pages).extracting(SampleResult::isSuccessful).containsExactly(true, false);
            assertThat(pages.get(0).getResponseDataAsString()).isEqualTo("<html>index</html>");
            assertThat(pages).noneMatch(OrderFlowSampleResult::isAttemptStart);
            assertThat(server.connections()).as("both pages on one kept-alive connection").isEqualTo(1);
        }
    }

    @Test
    void stoppingTheTestCutsAStalledOrderShortAtOnce() throws Exception {
        CountDownLatch orderArrived = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedShop().on("POST /api/orders", (c, r) -> {
            orderArrived.countDown();
            c.stall();
            return false;
        }).start()) {
            RecordingListener listener = new RecordingListener();
            try (JMeterEnvironment.RunningTest test = JMeterEnvironment.start(Plans.plan(Plans.threadGroup(1, 1),
                    new TestElement[] {Plans.shopConnection(server.port(),
                            Map.of(ShopConnectionSchema.RESPONSE_TIMEOUT, "120000")), listener},
                    orderFlow()))) {
                assertThat(orderArrived.await(20, TimeUnit.SECONDS)).isTrue();

                test.stopTest(true);

                test.awaitEnd(Duration.ofSeconds(10));
            }
            List<OrderFlowSampleResult> orders = listener.of(FlowStep.ORDER);
            assertThat(orders).hasSize(1).allSatisfy(order -> {
                assertThat(order.isOutcomeUnknown()).isTrue();
                assertThat(order.getResponseMessage()).isEqualTo("the request was interrupted: the test is stopping");
            });
        }
    }
}
