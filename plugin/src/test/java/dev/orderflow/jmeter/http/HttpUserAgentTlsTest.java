package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.testing.ScriptedServer;

/** https against a local server with a self-signed certificate made by the JDK's keytool. */
@Timeout(60)
class HttpUserAgentTlsTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path folder;
    private static KeyStore keyStore;

    @BeforeAll
    static void makeASelfSignedCertificate() throws Exception {
        Path store = folder.resolve("shop.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "shop", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD);
        }
    }

    private static ScriptedServer tlsServer(ScriptedServer.Script script) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ScriptedServer(context.getServerSocketFactory(), script);
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static ScriptedServer answeringServer() throws Exception {
        return tlsServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "{\"status\":\"ok\"}");
            }
        });
    }

    @Test
    void talksHttpsOverOneKeptAliveConnectionWhenTheCertificateIsTrusted() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 5000, true, trustingTheTestCertificate(),
                true, 1 << 20);
        try (ScriptedServer server = answeringServer();
             HttpUserAgent agent = new HttpUserAgent(new Endpoint("https", "127.0.0.1", server.port()), settings)) {
            HttpExchange first = agent.send(HttpRequest.get("/health").build());
            HttpExchange second = agent.send(HttpRequest.get("/health").build());

            assertThat(List.of(first, second)).allMatch(HttpExchange::answered);
            assertThat(new String(second.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
            assertThat(first.connectNanos()).as("connect time includes the handshake").isPositive();
            assertThat(second.connectNanos()).isZero();
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.received().get(0).header("Host")).isEqualTo("127.0.0.1:" + server.port());
        }
    }

    @Test
    void acceptsASelfSignedCertificateWhenAskedToAcceptAny() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 5000, true, TlsContexts.acceptingAnyCertificate(),
                false, 1 << 20);
        try (ScriptedServer server = answeringServer();
             HttpUserAgent agent = new HttpUserAgent(new Endpoint("https", "localhost", server.port()), settings)) {
            assertThat(agent.send(HttpRequest.get("/health").build()).answered()).isTrue();
        }
    }

    @Test
    void refusesAnUntrustedCertificateBeforeSendingAnything() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 5000, true, TlsContexts.verifying(), true, 1 << 20);
        try (ScriptedServer server = answeringServer();
             HttpUserAgent agent = new HttpUserAgent(new Endpoint("https", "127.0.0.1", server.port()), settings)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.TLS_HANDSHAKE);
            assertThat(exchange.failure().message())
                    .startsWith("TLS handshake with 127.0.0.1:" + server.port() + " failed: ");
            assertThat(exchange.failure().requestSent()).isFalse();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void reconnectsWhenTheShopClosedTheKeptAliveTlsConnection() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 5000, true, trustingTheTestCertificate(),
                true, 1 << 20);
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        try (ScriptedServer server = tlsServer(c -> {
            c.readRequest();
            c.answer(200, "{}");
            if (c.number() == 1) {
                c.close();
                closed.countDown();
            }
        }); HttpUserAgent agent = new HttpUserAgent(new Endpoint("https", "127.0.0.1", server.port()), settings)) {
            agent.send(HttpRequest.get("/").build());
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();

            HttpExchange order = agent.send(HttpRequest.post("/api/orders", "application/json", new byte[] {'{', '}'})
                    .build());

            assertThat(order.answered()).isTrue();
            assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("GET", "POST");
        }
    }

    @Test
    void theResponseTimeoutEndsAStalledTlsExchange() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(5000, 200, true, trustingTheTestCertificate(),
                true, 1 << 20);
        try (ScriptedServer server = tlsServer(c -> {
            c.readRequest();
            c.stall();
        }); HttpUserAgent agent = new HttpUserAgent(new Endpoint("https", "127.0.0.1", server.port()), settings)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.RESPONSE_TIMEOUT);
            assertThat(exchange.failure().message()).isEqualTo("no answer within 200 ms (response timeout)");
            assertThat(exchange.failure().requestSent()).isTrue();
            assertThat(exchange.elapsedNanos()).isBetween(200_000_000L, 5_000_000_000L);
        }
    }
}
