package dev.orderflow.jmeter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.ScriptedServer;

@Timeout(30)
class HttpUserAgentTest {

    private static final ConnectionSettings SETTINGS = new ConnectionSettings(2000, 2000, true, null, false, 1 << 20);

    private static HttpUserAgent agentFor(ScriptedServer server) {
        return agentFor(server, SETTINGS);
    }

    private static HttpUserAgent agentFor(ScriptedServer server, ConnectionSettings settings) {
        return new HttpUserAgent(new Endpoint("http", "127.0.0.1", server.port()), settings);
    }

    private static String text(HttpExchange exchange) {
        return new String(exchange.response().body(), StandardCharsets.UTF_8);
    }

    @Test
    void keepsNoMoreOfTheBodyThanTheRequestAsksButReadsAndCountsItAll() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "<html>0123456789</html>");
            }
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange shown = agent.send(HttpRequest.get("/").keepBodyUpTo(6).build());
            HttpExchange whole = agent.send(HttpRequest.get("/").build());

            assertThat(text(shown)).isEqualTo("<html>");
            assertThat(shown.bodyBytes()).isEqualTo(23);
            assertThat(text(whole)).as("the next answer on the same connection is whole")
                    .isEqualTo("<html>0123456789</html>");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void refusesARequestWhoseMethodIsNotAnHttpMethodName() {
        for (String method : new String[] {"get", "", "GET ", "PO\u00c4ST", null}) {
            assertThatThrownBy(() -> HttpRequest.method(method, "/", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an HTTP method: " + method);
        }
        assertThat(HttpRequest.method("PATCH", "/", null).build().method()).isEqualTo("PATCH");
    }

    @Test
    void readsAContentLengthAnswerAndCountsEveryByteBothWays() throws Exception {
        String answer =
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"id\":123}\n";
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write(answer);
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            byte[] body = "{\"product_id\":1}".getBytes(StandardCharsets.UTF_8);
            HttpExchange exchange = agent.send(HttpRequest.post("/api/cart/items", "application/json", body)
                    .header("Authorization", "Token abc").build());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.response().status()).isEqualTo(201);
            assertThat(exchange.response().reason()).isEqualTo("Created");
            assertThat(exchange.response().contentType()).isEqualTo("application/json");
            assertThat(text(exchange)).isEqualTo("{\"id\":123}\n");
            assertThat(exchange.headerBytes()).isEqualTo(answer.length() - 11);
            assertThat(exchange.bodyBytes()).isEqualTo(11);
            ScriptedServer.Received request = server.received().get(0);
            assertThat(exchange.bytesSent()).isEqualTo(request.head().length() + 4 + body.length);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.target()).isEqualTo("/api/cart/items");
            assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.port());
            assertThat(request.header("Authorization")).isEqualTo("Token abc");
            assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(body.length));
            assertThat(request.body()).isEqualTo("{\"product_id\":1}");
            assertThat(exchange.requestHead()).startsWith("POST /api/cart/items HTTP/1.1\n")
                    .contains("Authorization: Token abc");
        }
    }

    @Test
    void decodesAChunkedAnswerWithExtensionsAndTrailers() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;note=first\r\nhello\r\n" + "7\r\n, world\r\n" + "0\r\nX-Trailer: yes\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write(answer);
            c.readRequest();
            c.answer(200, "again");
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange first = agent.send(HttpRequest.get("/").build());
            HttpExchange second = agent.send(HttpRequest.get("/").build());

            assertThat(text(first)).isEqualTo("hello, world");
            assertThat(first.bytesReceived()).isEqualTo(answer.length());
            assertThat(text(second)).isEqualTo("again");
            assertThat(server.connections()).as("the chunked answer left the connection reusable").isEqualTo(1);
        }
    }

    @Test
    void keepsOneConnectionAliveAcrossRequestsAndReportsNoConnectTimeOnReuse() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "{}");
            }
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange first = agent.send(HttpRequest.get("/health").build());
            HttpExchange second = agent.send(HttpRequest.get("/health").build());
            HttpExchange third = agent.send(HttpRequest.get("/health").build());

            assertThat(List.of(first, second, third)).allMatch(HttpExchange::answered);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(first.connectNanos()).isPositive();
            assertThat(second.connectNanos()).isZero();
            assertThat(third.connectNanos()).isZero();
        }
    }

    @Test
    void opensANewConnectionAfterAnAnswerThatSaysConnectionClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}", "Connection: close");
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            agent.send(HttpRequest.get("/").build());
            HttpExchange second = agent.send(HttpRequest.get("/").build());

            assertThat(second.answered()).isTrue();
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void asksForConnectionCloseAndClosesWhenKeepAliveIsOff() throws Exception {
        ConnectionSettings noKeepAlive = new ConnectionSettings(2000, 2000, false, null, false, 1 << 20);
        CompletableFuture<Boolean> clientClosed = new CompletableFuture<>();
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}");
            clientClosed.complete(c.awaitClientClose());
        }); HttpUserAgent agent = agentFor(server, noKeepAlive)) {
            agent.send(HttpRequest.get("/").build());

            assertThat(server.received().get(0).header("Connection")).isEqualTo("close");
            assertThat(clientClosed.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void readsABodyWithoutLengthUntilTheShopClosesAndThenReconnects() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>index</html>");
            c.close();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange first = agent.send(HttpRequest.get("/").build());
            HttpExchange second = agent.send(HttpRequest.get("/").build());

            assertThat(text(first)).isEqualTo("<html>index</html>");
            assertThat(text(second)).isEqualTo("<html>index</html>");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void sendsAPostOnANewConnectionWhenTheKeptAliveOneWasClosedBeforeSending() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}");
            if (c.number() == 1) {
                c.close(); // the shop drops the idle kept-alive connection
                firstClosed.countDown();
            }
        }); HttpUserAgent agent = agentFor(server)) {
            agent.send(HttpRequest.get("/api/products").build());
            assertThat(firstClosed.await(5, TimeUnit.SECONDS)).isTrue();

            HttpExchange order = agent.send(HttpRequest.post("/api/orders", "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)).build());

            assertThat(order.answered()).isTrue();
            assertThat(order.connectNanos()).as("a new connection was opened").isPositive();
            assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("GET", "POST");
        }
    }

    @Test
    void neverSendsAPostTwiceWhenTheConnectionDiesAfterItWasSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}");
            c.readRequest(); // the order reaches the shop …
            c.close();       // … which closes without answering
        }); HttpUserAgent agent = agentFor(server)) {
            agent.send(HttpRequest.get("/api/products").build());

            HttpExchange order = agent.send(HttpRequest.post("/api/orders", "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)).build());

            assertThat(order.answered()).isFalse();
            assertThat(order.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECTION_CLOSED);
            assertThat(order.failure().message()).isEqualTo("the shop closed the connection before answering");
            assertThat(order.failure().requestSent()).isTrue();
            assertThat(order.bytesSent()).isPositive();
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("GET", "POST");
        }
    }

    @Test
    void neverSendsAGetTwiceEitherOnceItMayHaveLeft() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}");
            c.readRequest();
            c.close();
        }); HttpUserAgent agent = agentFor(server)) {
            agent.send(HttpRequest.get("/api/products").build());

            HttpExchange again = agent.send(HttpRequest.get("/api/products").build());

            assertThat(again.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECTION_CLOSED);
            assertThat(again.failure().requestSent()).isTrue();
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void reportsAResponseTimeoutWhenTheShopStallsAfterTheRequest() throws Exception {
        ConnectionSettings quick = new ConnectionSettings(2000, 200, true, null, false, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.stall();
        }); HttpUserAgent agent = agentFor(server, quick)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.RESPONSE_TIMEOUT);
            assertThat(exchange.failure().message()).isEqualTo("no answer within 200 ms (response timeout)");
            assertThat(exchange.failure().requestSent()).isTrue();
            assertThat(exchange.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
            assertThat(exchange.firstByteNanos()).isEqualTo(-1);
        }
    }

    @Test
    void reportsAResponseTimeoutWhenTheShopStopsReadingTheRequest() throws Exception {
        ConnectionSettings quick = new ConnectionSettings(2000, 300, true, null, false, 1 << 20);
        byte[] large = new byte[64 << 20]; // far more than the socket buffers hold: the write blocks
        try (ScriptedServer server = new ScriptedServer(c -> c.stall());
                HttpUserAgent agent = agentFor(server, quick)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json", large).build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.RESPONSE_TIMEOUT);
            assertThat(exchange.failure().message()).isEqualTo("no answer within 300 ms (response timeout)");
            assertThat(exchange.failure().requestSent()).as("part of the request may have left").isTrue();
            assertThat(exchange.elapsedNanos()).isBetween(300_000_000L, 10_000_000_000L);
        }
    }

    @Test
    void keepsTheConnectionOfAnAnswerThatCameWellWithinTheTimeout() throws Exception {
        ConnectionSettings settings = new ConnectionSettings(2000, 500, true, null, false, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "{}");
            }
        }); HttpUserAgent agent = agentFor(server, settings)) {
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    Thread.sleep(600); // idle for longer than the timeout: only an exchange in progress is timed
                }
                assertThat(agent.send(HttpRequest.get("/").build()).answered()).isTrue();
            }

            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void appliesTheResponseTimeoutToTheWholeAnswerNotToEachRead() throws Exception {
        ConnectionSettings quick = new ConnectionSettings(2000, 300, true, null, false, 1 << 20);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
            // a byte every 50 ms: each read is quick, the answer never completes; ends when the client gives up
            for (int i = 0; i < 1_000_000; i++) {
                Thread.sleep(50);
                c.write("x");
            }
        }); HttpUserAgent agent = agentFor(server, quick)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.RESPONSE_TIMEOUT);
            assertThat(exchange.failure().message()).isEqualTo("answer incomplete after 300 ms (response timeout)");
            assertThat(exchange.firstByteNanos()).isNotNegative();
            assertThat(exchange.bodyBytes()).as("bytes trickled in before the timeout").isPositive();
            assertThat(exchange.elapsedNanos())
                    .isBetween(Duration.ofMillis(300).toNanos(), Duration.ofSeconds(10).toNanos());
        }
    }

    @Test
    void reportsAConnectionResetAfterTheRequestAsClosedAndSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.reset();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            // Jetty reads a reset as the end of the stream: what counts is that the order may have been acted on
            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECTION_CLOSED);
            assertThat(exchange.failure().message()).isEqualTo("the shop closed the connection before answering");
            assertThat(exchange.failure().requestSent()).isTrue();
        }
    }

    @Test
    void reportsAConnectionDroppedInTheMiddleOfTheBody() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n0123456789");
            c.close();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECTION_CLOSED);
            assertThat(exchange.failure().message())
                    .isEqualTo("the shop closed the connection in the middle of the answer (10 of 50 body bytes came)");
            assertThat(exchange.bodyBytes()).isEqualTo(10);
        }
    }

    @Test
    void refusesAnAnswerThatIsNotHttp() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("SSH-2.0-OpenSSH\r\n\r\n");
            c.close();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.MALFORMED_RESPONSE);
            assertThat(exchange.failure().message()).isEqualTo("malformed answer: No Status");
        }
    }

    @Test
    void refusesConflictingContentLengths() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.failure().message()).isEqualTo("malformed answer: Multiple Content-Lengths");
        }
    }

    @Test
    void reportsARefusedConnectionAsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (HttpUserAgent agent = new HttpUserAgent(new Endpoint("http", "127.0.0.1", closedPort), SETTINGS)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECT_REFUSED);
            assertThat(exchange.failure().message()).isEqualTo("connection refused by 127.0.0.1:" + closedPort);
            assertThat(exchange.failure().requestSent()).isFalse();
            assertThat(exchange.bytesSent()).isZero();
        }
    }

    @Test
    void reportsAConnectTimeoutWhenTheShopsBacklogIsFull() throws Exception {
        ConnectionSettings quick = new ConnectionSettings(300, 2000, true, null, false, 1 << 20);
        // a listener that never accepts: once its backlog is full, the kernel drops further SYNs
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                HttpExchange exchange = null;
                for (int i = 0; i < 8 && (exchange == null || exchange.answered()
                        || exchange.failure().kind() != HttpFailure.Kind.CONNECT_TIMEOUT); i++) {
                    try (HttpUserAgent agent = new HttpUserAgent(new Endpoint("http", "127.0.0.1", deaf.getLocalPort()),
                            quick)) {
                        exchange = agent.send(HttpRequest.get("/").build());
                    }
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(deaf.getLocalSocketAddress(), 100);
                    } catch (IOException e) {
                        // the backlog is full: the next connect times out
                    }
                }
                assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.CONNECT_TIMEOUT);
                assertThat(exchange.failure().message())
                        .isEqualTo("no connection to 127.0.0.1:" + deaf.getLocalPort()
                                + " within 300 ms (connect timeout)");
                assertThat(exchange.failure().requestSent()).isFalse();
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void skipsAnInterimContinueAnswer() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 100 Continue\r\n\r\n");
            c.answer(201, "{\"id\":1}");
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.post("/api/orders", "application/json",
                    new byte[] {'{', '}'}).build());

            assertThat(exchange.response().status()).isEqualTo(201);
            assertThat(exchange.response().head()).startsWith("HTTP/1.1 201");
        }
    }

    @Test
    void readsNoBodyForAHeadRequestOrA204() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n");
            c.readRequest();
            c.write("HTTP/1.1 204 No Content\r\n\r\n");
            c.readRequest();
            c.answer(200, "third");
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange head = agent.send(HttpRequest.method("HEAD", "/", null).build());
            HttpExchange deleted = agent.send(HttpRequest.method("DELETE", "/api/cart", null).build());
            HttpExchange third = agent.send(HttpRequest.get("/").build());

            assertThat(head.response().body()).isEmpty();
            assertThat(deleted.response().status()).isEqualTo(204);
            assertThat(text(third)).isEqualTo("third");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void keepsOnlyTheStartOfALongBodyButCountsAllOfIt() throws Exception {
        ConnectionSettings small = new ConnectionSettings(2000, 2000, true, null, false, 10);
        String body = "x".repeat(10_000);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, body);
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server, small)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.response().body()).hasSize(10);
            assertThat(exchange.response().bodyTruncated()).isTrue();
            assertThat(exchange.bodyBytes()).isEqualTo(10_000);
        }
    }

    @Test
    void readsAnAnswerLargerThanItsReadBuffer() throws Exception {
        String body = "y".repeat(100_000);
        String longHeader = "X-Long: " + "z".repeat(20_000);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, body, longHeader);
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(text(exchange)).isEqualTo(body);
            assertThat(exchange.response().headers().first("X-Long")).hasSize(20_000);
        }
    }

    @Test
    void refusesHeadersLongerThanTheLimit() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 2000; i++) {
                c.write("X-Header-" + i + ": " + "v".repeat(50) + "\r\n");
            }
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.failure().kind()).isEqualTo(HttpFailure.Kind.MALFORMED_RESPONSE);
        }
    }

    @Test
    void measuresLatencyUpToTheFirstByteOfTheAnswer() throws Exception {
        // a slow shop: it thinks for 150 ms before its headers and sends the body 100 ms after them
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            new CountDownLatch(1).await(150, TimeUnit.MILLISECONDS);
            c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
            new CountDownLatch(1).await(100, TimeUnit.MILLISECONDS);
            c.write("{}");
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(exchange.firstByteNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
            assertThat(exchange.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos())
                    .isGreaterThan(exchange.firstByteNanos());
            assertThat(exchange.connectNanos()).isPositive().isLessThan(exchange.firstByteNanos());
        }
    }

    @Test
    void sendsBackTheCookiesTheShopSetAndForgetsExpiredOnes() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.answer(200, "{}", "Set-Cookie: sessionid=abc; Path=/; HttpOnly", "Set-Cookie: csrftoken=xyz");
            c.readRequest();
            c.answer(200, "{}", "Set-Cookie: csrftoken=gone; Max-Age=0");
            c.readRequest();
            c.answer(200, "{}");
        }); HttpUserAgent agent = agentFor(server)) {
            agent.send(HttpRequest.get("/").build());
            agent.send(HttpRequest.get("/").build());
            agent.send(HttpRequest.get("/").build());

            assertThat(server.received().get(0).header("Cookie")).isNull();
            assertThat(server.received().get(1).header("Cookie")).isEqualTo("sessionid=abc; csrftoken=xyz");
            assertThat(server.received().get(2).header("Cookie")).isEqualTo("sessionid=abc");
        }
    }

    @Test
    void abortEndsAStalledExchangeAtOnceFromAnotherThread() throws Exception {
        ConnectionSettings patient = new ConnectionSettings(2000, 60_000, true, null, false, 1 << 20);
        CountDownLatch requestArrived = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            requestArrived.countDown();
            c.stall();
        }); HttpUserAgent agent = agentFor(server, patient)) {
            CompletableFuture<HttpExchange> exchange =
                    CompletableFuture.supplyAsync(() -> agent.send(HttpRequest.get("/").build()));
            assertThat(requestArrived.await(5, TimeUnit.SECONDS)).isTrue();

            agent.abort();

            HttpExchange aborted = exchange.get(5, TimeUnit.SECONDS);
            assertThat(aborted.failure().kind()).isEqualTo(HttpFailure.Kind.INTERRUPTED);
            assertThat(server.connections()).as("an aborted GET is not sent again").isEqualTo(1);
        }
    }

    @Test
    void refusesHeaderValuesThatCouldSmuggleAnotherHeader() {
        assertThatThrownBy(() -> HttpRequest.get("/").header("Authorization", "Token a\r\nX-Admin: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Authorization");
        assertThatThrownBy(() -> HttpRequest.get("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpRequest.get("/a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheHostHeaderWithoutTheDefaultPort() {
        assertThat(new Endpoint("http", "shop.example", 80).authority()).isEqualTo("shop.example");
        assertThat(new Endpoint("HTTPS", "shop.example", 443).authority()).isEqualTo("shop.example");
        assertThat(new Endpoint("https", "shop.example", 8443).baseUrl()).isEqualTo("https://shop.example:8443");
        assertThat(new Endpoint("http", "::1", 8000).authority()).isEqualTo("[::1]:8000");
        assertThatThrownBy(() -> new Endpoint("ftp", "h", 1)).hasMessageContaining("http or https");
        assertThatThrownBy(() -> new Endpoint("http", " ", 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> new Endpoint("http", "h", 70000)).hasMessageContaining("1..65535");
    }

    @Test
    void asksForGzipDecodesItAndCountsTheCompressedBytesAsReceived() throws Exception {
        String page = "<html>" + "<p>a product, its price and its stock</p>".repeat(200) + "</html>";
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(page.getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = zipped.toByteArray();
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
                + compressed.length + "\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            c.write(head);
            c.write(compressed);
            c.awaitClientClose();
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());

            assertThat(server.received().get(0).header("Accept-Encoding")).contains("gzip");
            assertThat(text(exchange)).isEqualTo(page);
            assertThat(exchange.bodyBytes()).as("received bytes are the compressed ones").isEqualTo(compressed.length)
                    .isLessThan(page.length() / 10);
            assertThat(exchange.headerBytes()).isEqualTo(head.length());
        }
    }

    @Test
    void asksForDeflateDecodesItAndCountsTheEncodedBytesAsReceived() throws Exception {
        String page = "<html>" + "the shop's index page ".repeat(400) + "</html>";
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream zlib = new java.util.zip.DeflaterOutputStream(deflated)) {
            zlib.write(page.getBytes(StandardCharsets.UTF_8));
        }
        byte[] encoded = deflated.toByteArray();
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\nContent-Length: "
                + encoded.length + "\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.readRequest();
            // the zlib header's first byte alone first: the decoder may see the header cut in two
            c.write(head);
            c.write(new byte[] {encoded[0]});
            c.write(java.util.Arrays.copyOfRange(encoded, 1, encoded.length));
            c.readRequest();
            c.answer(200, "next");
        }); HttpUserAgent agent = agentFor(server)) {
            HttpExchange exchange = agent.send(HttpRequest.get("/").build());
            HttpExchange next = agent.send(HttpRequest.get("/").build());

            assertThat(server.received().get(0).header("Accept-Encoding")).contains("gzip").contains("deflate");
            assertThat(text(exchange)).isEqualTo(page);
            assertThat(exchange.bodyBytes()).as("received bytes are the encoded ones").isEqualTo(encoded.length)
                    .isLessThan(page.length() / 10);
            assertThat(exchange.headerBytes()).isEqualTo(head.length());
            assertThat(text(next)).as("the connection stays usable").isEqualTo("next");
        }
    }
}
