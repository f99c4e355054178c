package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.Relogin;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * Timed runs on JMeter's engine, with the orderflow thread group, against the real reference shop, in which
 * something breaks the users' flow the way it breaks in real shops: a product sells out, tokens expire. The
 * users must recover and keep ordering, and the summary must still be the shop's own count.
 */
@Timeout(180)
class RecoveringUsersRunTest {

    private static final String ADMIN_KEY = "recovering-users-admin-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void usersWhoMetASoldOutProductEmptyTheirCartsAndOrderAgain() throws Exception {
        int users = 8;
        int lastUnits = 3;
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> userRows = Files.readAllLines(JMeterEnvironment.csvData().resolve("users.csv"),
                        StandardCharsets.UTF_8)
                .subList(0, 1 + users);
        Files.write(data.resolve("users.csv"), userRows, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("products.csv"),
                "id,name,price,stock\n1,Last Units,5.00," + lastUnits + "\n2,Plenty,2.50,100000\n",
                StandardCharsets.UTF_8);
        try (Shop shop = Shop.start(ShopConfig.builder().port(0).dataDir(data).adminKey(ADMIN_KEY).build())) {
            // every user's cart already holds one of the last units, as after an earlier visit: at most three of
            // the users' orders can have it, every other user meets the sold-out product in its cart
            for (int user = 0; user < users; user++) {
                String[] row = userRows.get(1 + user).split(",");
                String token = login(shop, row[0], row[1]);
                HttpResponse<String> added = send(shop,
                                HttpRequest.newBuilder(shop.baseUri().resolve("/api/cart/items"))
                        .header("Authorization", "Token " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":1,\"quantity\":1}")));
                assertThat(added.statusCode()).isEqualTo(201);
            }
            RecordingListener samples = new RecordingListener();
            OrderSummaryListener summaryListener = summaryListener(shop, users);

            long runStart = System.currentTimeMillis();
            JMeterEnvironment.run(Plans.plan(Plans.timedUsers(users, 6), new TestElement[] {
                    Plans.shopConnection(shop.port(),
                            Map.of(ShopConnectionSchema.USERS_FILE, data.resolve("users.csv").toString())),
                    samples, summaryListener}, TestPlans.orderFlow()), Duration.ofSeconds(60));

            assertThat(stockOf(shop, 1)).as("the last units sold out during the run").isZero();
            Map<Integer, List<OrderFlowSampleResult>> byUser = byUser(samples);
            List<Integer> soldOutUsers = new ArrayList<>();
            byUser.forEach((user, flow) -> {
                // while units are left a user may meet the sold-out answer more than once (its cart held one already)
                List<OrderFlowSampleResult> soldOut = flow.stream()
                        .filter(s -> "409".equals(s.getResponseCode())).toList();
                if (soldOut.isEmpty()) {
                    return;
                }
                soldOutUsers.add(user);
                OrderFlowSampleResult last = soldOut.get(soldOut.size() - 1);
                List<OrderFlowSampleResult> after = flow.subList(flow.indexOf(last) + 1, flow.size());
                assertThat(after).as("user %d fills a cart again after its last sold-out answer", user)
                        .filteredOn(s -> s.getStep() == FlowStep.CART).first()
                        .satisfies(cart -> assertThat(cart.getSamplerData()).as("user %d empties its cart first", user)
                                .startsWith("DELETE " + shop.baseUri() + "/api/cart\n"));
                assertThat(after).as("user %d orders again after its sold-out answer at %d ms", user,
                                last.getStartTime() - runStart)
                        .anyMatch(s -> s.getStep() == FlowStep.ORDER && s.isSuccessful());
                assertThat(after).as("user %d fails no more", user).filteredOn(s -> !s.isSuccessful()).isEmpty();
            });
            assertThat(soldOutUsers).as("users whose cart met the sold-out product")
                    .hasSizeGreaterThanOrEqualTo(users - lastUnits);

            JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
            long created = samples.of(FlowStep.ORDER).stream().filter(SampleResult::isSuccessful).count();
            assertThat(summary.get("orders_created").asLong()).isEqualTo(created)
                    .isEqualTo(summary.get("shop").get("orders_delta").asLong()).isGreaterThan(10L * users);
            assertThat(summary.get("orders_unknown").asLong()).isZero();
            assertThat(summary.get("shop").get("invariant_ok").asBoolean()).isTrue();
            assertThat(summary.get("relogins").asLong()).isZero();
        }
    }

    @Test
    void usersWhoseTokensExpireLogInAgainAndKeepOrderingWithoutAFailure() throws Exception {
        int users = 5;
        Duration ttl = Duration.ofSeconds(2);
        try (Shop shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData())
                        .adminKey(ADMIN_KEY)
                .tokenTtl(ttl).build())) {
            RecordingListener samples = new RecordingListener();
            OrderSummaryListener summaryListener = summaryListener(shop, users);
            // not 100: the end of a timed run cuts the last attempt of some users short, which counts as not created
            OrderSummarySchema.MIN_SUCCESS_RATE.write(summaryListener, "99");
            OrderSummarySchema.MAX_ERROR_RATE.write(summaryListener, "0");

            long runStart = System.currentTimeMillis();
            JMeterEnvironment.run(Plans.plan(Plans.timedUsers(users, 8),
                    new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), samples, summaryListener},
                    TestPlans.orderFlow()), Duration.ofSeconds(60));

            List<OrderFlowSampleResult> relogged = all(samples).stream()
                    .filter(s -> s.getRelogin() != Relogin.NONE).toList();
            assertThat(relogged).as("tokens of 2 s in a run of 8 s: each user logs in again at least twice")
                    .hasSizeGreaterThanOrEqualTo(2 * users)
                    .allMatch(s -> s.getRelogin() == Relogin.SUCCEEDED && s.isSuccessful())
                    .allSatisfy(s -> {
                        assertThat(s.getResponseMessage()).endsWith("(logged in again after a 401)");
                        assertThat(s.getSamplerData()).contains("/api/auth/login\n\n{\"username\":\"load_test_user_")
                                .contains("\"password\":\"***\"}");
                    });
            assertThat(samples.of(FlowStep.LOGIN)).as("one login sample per user: re-logins are the steps' own")
                    .hasSize(users);
            assertThat(all(samples)).allMatch(SampleResult::isSuccessful);
            byUser(samples).forEach((user, flow) -> assertThat(flow)
                    .as("user %d still orders after its tokens expired", user)
                    .anyMatch(s -> s.getStep() == FlowStep.ORDER && s.getStartTime() > runStart + 3 * ttl.toMillis()));

            JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
            assertThat(summary.get("relogins").asLong()).isEqualTo(relogged.size());
            assertThat(summary.get("relogin_failures").asLong()).isZero();
            assertThat(summary.get("login_failures").asLong()).isZero();
            assertThat(summary.get("errors").asLong()).isZero();
            assertThat(summary.get("orders_attempted").asLong())
                    .as("an order sent again after a 401 is still one attempt")
                    .isEqualTo(all(samples).stream().filter(OrderFlowSampleResult::isAttemptStart).count());
            assertThat(summary.get("orders_created").asLong())
                    .isEqualTo(samples.of(FlowStep.ORDER).size())
                    .isEqualTo(summary.get("shop").get("orders_delta").asLong());
            assertThat(summary.get("verdict").asText()).isEqualTo("pass");
            assertThat(Files.readString(dir.resolve(SummaryFiles.TEXT_FILE)))
                    .containsPattern("Re-logins: +" + relogged.size() + " after a 401 \\(0 failed\\)");
        }
    }

    private OrderSummaryListener summaryListener(Shop shop, int users) {
        OrderSummaryListener listener = TestPlans.listener(dir);
        OrderSummarySchema.PLAN.write(listener, "recovering users");
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        OrderSummarySchema.ADMIN_KEY.write(listener, ADMIN_KEY);
        return listener;
    }

    private static List<OrderFlowSampleResult> all(RecordingListener samples) {
        // the thread group's load report is no request: only the order flow's samples
        return samples.all().stream().filter(OrderFlowSampleResult.class::isInstance)
                .map(OrderFlowSampleResult.class::cast).toList();
    }

    /** Each user's samples in the order they were taken. */
    private static Map<Integer, List<OrderFlowSampleResult>> byUser(RecordingListener samples) {
        return all(samples).stream().sorted(Comparator.comparingLong(SampleResult::getStartTime))
                .collect(Collectors.groupingBy(OrderFlowSampleResult::getUserNumber, Collectors.toList()));
    }

    private static String login(Shop shop, String username, String password) throws Exception {
        HttpResponse<String> response = send(shop, HttpRequest.newBuilder(shop.baseUri().resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        return SummaryJson.MAPPER.readTree(response.body()).get("token").asText();
    }

    private static long stockOf(Shop shop, int productId) throws Exception {
        HttpResponse<String> response = send(shop,
                HttpRequest.newBuilder(shop.baseUri().resolve("/api/products")).GET());
        for (JsonNode product : SummaryJson.MAPPER.readTree(response.body()).get("products")) {
            if (product.get("id").asInt() == productId) {
                return product.get("stock").asLong();
            }
        }
        throw new AssertionError("no product " + productId + " in " + response.body());
    }

    private static HttpResponse<String> send(Shop shop, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
