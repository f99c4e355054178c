package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deliberately faulty shop on a real socket: it speaks enough of API.md for the order flow and misbehaves for
 * chosen users — a refused login or cart, a rejected order, a 500, an answer held back past the client's timeout
 * (with or without the order created), a connection dropped right after the order is created. Its admin stats
 * count what it really did, so a run against it can be reconciled.
 */
final class FaultyShop implements AutoCloseable {

    enum Behaviour { OK, LOGIN_REFUSED, CART_CONFLICT, ORDER_CONFLICT, ORDER_ERROR, CREATE_THEN_STALL,
            STALL_WITHOUT_ORDER, CREATE_THEN_DROP }

    static final String ADMIN_KEY = "faulty-admin-key";
    private static final long INITIAL_STOCK = 100L * 100_000;
    private static final Pattern USER = Pattern.compile("load_test_user_(\\d+)");
    private static final String PRODUCTS =
            "{\"products\":[{\"id\":1,\"name\":\"a\",\"price\":\"1.00\",\"stock\":100000},"
            + "{\"id\":2,\"name\":\"b\",\"price\":\"2.00\",\"stock\":100000},"
            + "{\"id\":3,\"name\":\"c\",\"price\":\"3.00\",\"stock\":100000}]}";
    private static final String CART =
            "{\"items\":[{\"product_id\":1,\"quantity\":1,\"price\":\"1.00\"}],\"total\":\"1.00\"}";
    private static final String ORDER = "{\"id\":1,\"status\":\"created\",\"total\":\"1.00\","
            + "\"items\":[{\"product_id\":1,\"quantity\":1,\"price\":\"1.00\"}]}";

    private final Map<Integer, Behaviour> behaviours;
    private final long stallMs;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong unitsSold = new AtomicLong();

    FaultyShop(Map<Integer, Behaviour> behaviours, long stallMs) throws IOException {
        this.behaviours = behaviours;
        this.stallMs = stallMs;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(handlers);
        server.createContext("/api/auth/login", this::login);
        server.createContext("/api/products", exchange -> answer(exchange, 200, PRODUCTS));
        server.createContext("/api/cart/items", this::cart);
        server.createContext("/api/orders", this::order);
        server.createContext("/api/admin/stats", this::stats);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long orders() {
        return orders.get();
    }

    private Behaviour behaviour(HttpExchange exchange) {
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        return behaviours.getOrDefault(Integer.parseInt(token.replace("Token tok-", "")), Behaviour.OK);
    }

    private void login(HttpExchange exchange) throws IOException {
        Matcher user = USER.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int number = user.find() ? Integer.parseInt(user.group(1)) : -1;
        if (number < 0 || behaviours.get(number) == Behaviour.LOGIN_REFUSED) {
            answer(exchange, 400, "{\"error\":\"invalid_credentials\",\"detail\":\"no such user\"}");
        } else {
            answer(exchange, 200, "{\"token\":\"tok-" + number + "\",\"user_id\":" + number + "}");
        }
    }

    private void cart(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (behaviour(exchange) == Behaviour.CART_CONFLICT) {
            answer(exchange, 409, "{\"error\":\"insufficient_stock\",\"detail\":\"sold out\",\"product_id\":1}");
        } else {
            answer(exchange, 201, CART);
        }
    }

    private void order(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        switch (behaviour(exchange)) {
            case ORDER_CONFLICT -> answer(exchange, 409, "{\"error\":\"insufficient_stock\",\"product_id\":1}");
            case ORDER_ERROR -> answer(exchange, 500, "{\"error\":\"internal\"}");
            case CREATE_THEN_STALL -> {
                create();
                stall();
                answer(exchange, 201, ORDER);
            }
            case STALL_WITHOUT_ORDER -> {
                stall();
                answer(exchange, 503, "{\"error\":\"internal\"}");
            }
            case CREATE_THEN_DROP -> {
                create();
                exchange.close(); // no status line at all: the client cannot know the order exists
            }
            default -> {
                create();
                answer(exchange, 201, ORDER);
            }
        }
    }

    private void create() {
        orders.incrementAndGet();
        unitsSold.incrementAndGet();
    }

    private void stall() {
        try {
            closing.await(stallMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        if (!ADMIN_KEY.equals(exchange.getRequestHeaders().getFirst("X-Admin-Key"))) {
            answer(exchange, 403, "{\"error\":\"forbidden\"}");
            return;
        }
        long sold = unitsSold.get();
        answer(exchange, 200, "{\"users\":1000,\"products\":100,\"orders\":" + orders.get() + ",\"order_items\":" + sold
                + ",\"units_sold\":" + sold + ",\"initial_stock\":" + INITIAL_STOCK + ",\"stock_remaining\":"
                + (INITIAL_STOCK - sold) + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            exchange.close(); // the client gave up waiting: nobody is left to answer
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
