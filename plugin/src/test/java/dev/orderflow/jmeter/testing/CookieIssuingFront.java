package dev.orderflow.jmeter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A front for a real shop on a real socket, as a load balancer with sticky sessions would be: it passes every
 * request on and every answer back, and gives each successful login a fresh {@code sessionid} cookie, which the
 * client then sends back. It notes the tokens the shop handed out and the cookie values it issued and saw, so a
 * test knows every secret the run carried.
 */
public final class CookieIssuingFront implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "date");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI shop;
    private final String loginPath;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final List<String> issuedCookies = new CopyOnWriteArrayList<>();
    private final List<String> cookieHeadersSeen = new CopyOnWriteArrayList<>();

    public CookieIssuingFront(URI shop, String loginPath) throws IOException {
        this.shop = shop;
        this.loginPath = loginPath;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(handlers);
        server.createContext("/", this::pass);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The tokens the shop's login answers carried through this front. */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** The sessionid values this front issued. */
    public List<String> issuedCookies() {
        return List.copyOf(issuedCookies);
    }

    /** The Cookie headers clients sent. */
    public List<String> cookieHeadersSeen() {
        return List.copyOf(cookieHeadersSeen);
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(shop.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), requestBody.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("cookie")) {
                    cookieHeadersSeen.addAll(header.getValue());
                } else if (!HOP_BY_HOP.contains(name)) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            if (exchange.getRequestURI().getPath().equals(loginPath) && answer.statusCode() == 200) {
                noteToken(answer.body());
                String session = HexFormat.of().formatHex(bytes());
                issuedCookies.add(session);
                exchange.getResponseHeaders().add("Set-Cookie", "sessionid=" + session + "; Path=/; HttpOnly");
            }
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] bytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }

    private void noteToken(byte[] body) throws IOException {
        JsonNode token = JSON.readTree(body).path("token");
        if (token.isValueNode()) {
            tokens.add(token.asText());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
