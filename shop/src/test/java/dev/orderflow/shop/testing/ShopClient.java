package dev.orderflow.shop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A JDK HttpClient speaking to a shop over real HTTP, with the shop's auth headers at hand. */
public final class ShopClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    public ShopClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A response: status, headers, body text, and the body parsed as JSON when it is JSON. */
    public record Reply(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r));
    }

    /** Sends every request, at most {@code parallel} at a time, and returns the replies in order. */
    public List<Reply> sendAll(List<HttpRequest> requests, int parallel) {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try {
            for (HttpRequest request : requests) {
                permits.acquire();
                replies.add(sendAsync(request).whenComplete((r, e) -> permits.release()));
            }
            List<Reply> done = new ArrayList<>();
            for (CompletableFuture<Reply> reply : replies) {
                done.add(reply.get(60, TimeUnit.SECONDS));
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a request failed: " + e.getMessage(), e);
        }
    }

    public Reply get(String path, String... headers) {
        return send(with(request(path).GET(), headers).build());
    }

    public Reply post(String path, String body, String... headers) {
        return send(with(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), headers).build());
    }

    public Reply delete(String path, String... headers) {
        return send(with(request(path).DELETE(), headers).build());
    }

    public Reply method(String method, String path, String... headers) {
        return send(with(request(path).method(method, HttpRequest.BodyPublishers.noBody()), headers).build());
    }

    public static HttpRequest.Builder with(HttpRequest.Builder builder, String... headers) {
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    public String login(String username, String password) {
        Reply reply = post("/api/auth/login", loginBody(username, password));
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("token").asText();
    }

    public static String loginBody(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    public static String[] token(String token) {
        return new String[] {"Authorization", "Token " + token};
    }
}
