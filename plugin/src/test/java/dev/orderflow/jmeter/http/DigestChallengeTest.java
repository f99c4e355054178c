package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.DigestProtectedShop;
import dev.orderflow.jmeter.testing.ScriptedServer;

/** A 401 with a Digest challenge is answered with the user's credentials; any other 401 reaches the caller. */
@Timeout(30)
class DigestChallengeTest {

    private static final ConnectionSettings SETTINGS = new ConnectionSettings(2000, 5000, true, null, false, 1 << 20);

    private static HttpUserAgent agent(int port, String password) {
        HttpUserAgent agent = new HttpUserAgent(new Endpoint("http", "127.0.0.1", port), SETTINGS);
        agent.useDigestCredentials(uri -> new DigestCredentials.Credential(URI.create("http://127.0.0.1:" + port + "/"),
                DigestProtectedShop.REALM, DigestProtectedShop.USER, password));
        return agent;
    }

    @Test
    void answersTheChallengeOnceAndSendsTheAnswerUpFrontWithTheNextRequests() throws Exception {
        try (DigestProtectedShop shop = new DigestProtectedShop();
             HttpUserAgent agent = agent(shop.port(), DigestProtectedShop.PASSWORD)) {
            HttpExchange first = agent.send(HttpRequest.get("/").build());
            HttpExchange second = agent.send(HttpRequest.get("/account?page=2").build());

            assertThat(first.response().status()).isEqualTo(200);
            assertThat(new String(first.response().body(), StandardCharsets.UTF_8)).isEqualTo(DigestProtectedShop.PAGE);
            assertThat(second.response().status()).isEqualTo(200);
            List<String> sent = shop.authorizations();
            assertThat(sent).hasSize(3);
            assertThat(sent.get(0)).as("nothing is sent before the challenge").isEmpty();
            assertThat(sent.get(1)).startsWith("Digest username=\"shopper\"").contains("realm=\"orderflow-shop\"")
                    .contains("uri=\"/\"").doesNotContain(DigestProtectedShop.PASSWORD);
            assertThat(sent.get(2)).as("the next request answers the same challenge up front, counted on")
                    .contains("uri=\"/account?page=2\"").contains("nc=\"00000002\"");
            assertThat(first.requestHead()).contains("Authorization: Digest username=\"shopper\"");
            assertThat(first.bytesSent()).as("both requests of the first exchange are counted")
                    .isGreaterThan(second.bytesSent() + 20);
            assertThat(first.bytesReceived()).isGreaterThan(second.bytesReceived());
        }
    }

    @Test
    void aWrongPasswordGetsThe401BackAfterOneAnswer() throws Exception {
        try (DigestProtectedShop shop = new DigestProtectedShop(); HttpUserAgent agent = agent(shop.port(), "wrong")) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.response().status()).isEqualTo(401);
            assertThat(shop.authorizations()).hasSize(2);
        }
    }

    @Test
    void aRequestWithAnAuthorizationOfItsOwnGetsThe401ToActOn() throws Exception {
        try (DigestProtectedShop shop = new DigestProtectedShop();
             HttpUserAgent agent = agent(shop.port(), DigestProtectedShop.PASSWORD)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").header("Authorization", "Bearer expired").build());

            assertThat(exchange.response().status()).isEqualTo(401);
            assertThat(shop.authorizations()).containsExactly("Bearer expired");
        }
    }

    @Test
    void a401WithoutAChallengeReachesTheCallerAsItCame() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(401, "{\"detail\":\"token expired\"}");
            }
        }); HttpUserAgent agent = agent(server.port(), DigestProtectedShop.PASSWORD)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/api/cart").build());

            assertThat(exchange.response().status()).isEqualTo(401);
            assertThat(new String(exchange.response().body(), StandardCharsets.UTF_8)).contains("token expired");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aBasicChallengeIsLeftToTheCaller() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(401, "", "WWW-Authenticate: Basic realm=\"orderflow-shop\"");
            }
        }); HttpUserAgent agent = agent(server.port(), DigestProtectedShop.PASSWORD)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.response().status()).isEqualTo(401);
            assertThat(server.received()).hasSize(1);
        }
    }
}
