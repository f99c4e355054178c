package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.jmeter.protocol.http.control.AuthManager;
import org.apache.jmeter.protocol.http.control.Authorization;
import org.apache.jmeter.protocol.http.control.Cookie;
import org.apache.jmeter.protocol.http.control.CookieManager;
import org.apache.jmeter.protocol.http.control.DNSCacheManager;
import org.apache.jmeter.protocol.http.control.Header;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.testing.DigestProtectedShop;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;

/** JMeter's HTTP Header, Cookie and Authorization managers reach the shop through the order-flow samplers. */
@Timeout(60)
class JMeterHttpElementsTest {

    /** Answers every request; the first answer of each connection sets a cookie. */
    private static ScriptedServer shop() throws Exception {
        return new ScriptedServer(c -> {
            boolean first = true;
            while (c.readRequest() != null) {
                if (first) {
                    c.answer(200, "<html>1</html>", "Set-Cookie: from_shop=1; Path=/");
                    first = false;
                } else {
                    c.answer(200, "<html>2</html>");
                }
            }
        });
    }

    private static RecordingListener run(ScriptedServer server, TestElement... planLevel) throws Exception {
        RecordingListener listener = new RecordingListener();
        TestElement[] elements = new TestElement[planLevel.length + 2];
        elements[0] = Plans.shopConnection(server.port(), Map.of());
        elements[1] = listener;
        System.arraycopy(planLevel, 0, elements, 2, planLevel.length);
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1), elements,
                Plans.named(new PageSampler(), "first page"), Plans.named(new PageSampler(), "second page")),
                Duration.ofSeconds(30));
        return listener;
    }

    @Test
    void aHeaderManagerHeaderAndACookieManagerCookieReachTheShop() throws Exception {
        HeaderManager headers = Plans.named(new HeaderManager(), "headers");
        headers.add(new Header("X-Tenant", "blue"));
        CookieManager cookies = Plans.named(new CookieManager(), "cookies");
        cookies.add(new Cookie("preset", "7", "127.0.0.1", "/", false, 0));
        try (ScriptedServer server = shop()) {
            RecordingListener listener = run(server, headers, cookies);

            assertThat(listener.of(FlowStep.PAGE)).hasSize(2).allMatch(s -> s.isSuccessful());
            List<ScriptedServer.Received> received = server.received();
            assertThat(received).hasSize(2).allMatch(r -> "blue".equals(r.header("X-Tenant")));
            assertThat(received.get(0).header("Cookie")).isEqualTo("preset=7");
            assertThat(received.get(1).header("Cookie")).contains("preset=7").contains("from_shop=1");
            assertThat(listener.of(FlowStep.PAGE).get(0).getRequestHeaders()).contains("X-Tenant: blue");
        }
    }

    @Test
    void withoutACookieManagerEachUserKeepsItsOwnCookies() throws Exception {
        try (ScriptedServer server = shop()) {
            run(server);

            assertThat(server.received().get(0).header("Cookie")).isNull();
            assertThat(server.received().get(1).header("Cookie")).isEqualTo("from_shop=1");
        }
    }

    @Test
    void anAuthorizationManagersBasicCredentialsReachTheShop() throws Exception {
        try (ScriptedServer server = shop()) {
            AuthManager auth = Plans.named(new AuthManager(), "auth");
            Authorization credentials = new Authorization();
            credentials.setURL("http://127.0.0.1:" + server.port() + "/");
            credentials.setUser("shopper");
            credentials.setPass("s3cret");
            credentials.setDomain("");
            credentials.setRealm("");
            credentials.setMechanism(AuthManager.Mechanism.BASIC);
            auth.addAuth(credentials);

            run(server, auth);

            String expected = "Basic "
                    + Base64.getEncoder().encodeToString("shopper:s3cret".getBytes(StandardCharsets.UTF_8));
            assertThat(server.received()).hasSize(2).allMatch(r -> expected.equals(r.header("Authorization")));
        }
    }

    @Test
    void anAuthorizationManagersDigestCredentialsAnswerTheShopsChallenge() throws Exception {
        try (DigestProtectedShop shop = new DigestProtectedShop()) {
            AuthManager auth = Plans.named(new AuthManager(), "auth");
            Authorization credentials = new Authorization();
            credentials.setURL("http://127.0.0.1:" + shop.port() + "/");
            credentials.setUser(DigestProtectedShop.USER);
            credentials.setPass(DigestProtectedShop.PASSWORD);
            credentials.setDomain("");
            credentials.setRealm(DigestProtectedShop.REALM);
            credentials.setMechanism(AuthManager.Mechanism.DIGEST);
            auth.addAuth(credentials);
            RecordingListener listener = new RecordingListener();

            JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                    new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener, auth},
                    Plans.named(new PageSampler(), "first page"), Plans.named(new PageSampler(), "second page")),
                    Duration.ofSeconds(30));

            assertThat(listener.of(FlowStep.PAGE)).hasSize(2).allMatch(s -> s.isSuccessful())
                    .allMatch(s -> s.getResponseDataAsString().equals(DigestProtectedShop.PAGE));
            List<String> sent = shop.authorizations();
            assertThat(sent).as("a challenge for the first page, answered; the second page's answer sent up front")
                    .hasSize(3);
            assertThat(sent.get(0)).isEmpty();
            assertThat(sent.subList(1, 3)).allMatch(a -> a.startsWith("Digest username=\"shopper\""));
            assertThat(listener.of(FlowStep.PAGE))
                    .allMatch(s -> s.getRequestHeaders().contains("Authorization: Digest ***"))
                    .allMatch(s -> !s.getRequestHeaders().contains(DigestProtectedShop.USER));
        }
    }

    @Test
    void aDnsCacheManagersStaticHostResolvesTheShopsName() throws Exception {
        try (ScriptedServer server = shop()) {
            DNSCacheManager dns = Plans.named(new DNSCacheManager(), "dns");
            dns.setCustomResolver(true);
            dns.addHost("shop.orderflow.test", "127.0.0.1");
            RecordingListener listener = new RecordingListener();
            JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                    new TestElement[] {Plans.shopConnection(server.port(),
                            Map.of(ShopConnectionSchema.HOST, "shop.orderflow.test")), listener, dns},
                    Plans.named(new PageSampler(), "page")), Duration.ofSeconds(30));

            assertThat(listener.of(FlowStep.PAGE)).hasSize(1).allMatch(s -> s.isSuccessful());
            assertThat(server.received().get(0).header("Host")).isEqualTo("shop.orderflow.test:" + server.port());
        }
    }
}
