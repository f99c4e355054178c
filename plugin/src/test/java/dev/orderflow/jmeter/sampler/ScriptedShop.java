package dev.orderflow.jmeter.sampler;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import dev.orderflow.jmeter.testing.ScriptedServer;

/**
 * A shop on a local socket that speaks the reference API's happy path, except where a test tells
 * one endpoint to misbehave. Keeps each connection alive like a real shop.
 */
final class ScriptedShop {

    /** How one endpoint answers; false ends the connection. */
    @FunctionalInterface
    interface Endpoint {
        boolean answer(ScriptedServer.Connection connection, ScriptedServer.Received request) throws Exception;
    }

    static final String PRODUCTS = "{\"products\":[{\"id\":1,\"name\":\"a\",\"price\":\"1.00\",\"stock\":5},"
            + "{\"id\":2,\"name\":\"b\",\"price\":\"2.00\",\"stock\":7}]}";

    private final Map<String, Endpoint> endpoints = new HashMap<>();

    ScriptedShop() {
        on("POST /api/auth/login", (c, r) -> answer(c, 200, "{\"token\":\"t0ken-" + c.number() + "\",\"user_id\":1}"));
        on("GET /api/products?in_stock=true", (c, r) -> answer(c, 200, PRODUCTS));
        on("POST /api/cart/items", (c, r) -> answer(c, 201, "{\"items\":[],\"total\":\"1.00\"}"));
        on("POST /api/orders", (c, r) -> answer(c, 201, "{\"id\":1,\"status\":\"created\"}"));
        on("DELETE /api/cart", (c, r) -> answer(c, 204, ""));
        on("GET /", (c, r) -> answer(c, 200, "<html>index</html>"));
    }

    ScriptedShop on(String methodAndTarget, Endpoint endpoint) {
        endpoints.put(methodAndTarget, endpoint);
        return this;
    }

    static boolean answer(ScriptedServer.Connection connection, int status, String body) throws IOException {
        connection.answer(status, body);
        return true;
    }

    ScriptedServer start() throws IOException {
        return new ScriptedServer(connection -> {
            ScriptedServer.Received request;
            while ((request = connection.readRequest()) != null) {
                Endpoint endpoint = endpoints.get(request.method() + " " + request.target());
                if (endpoint == null) {
                    connection.answer(404, "{\"error\":\"not_found\"}");
                } else if (!endpoint.answer(connection, request)) {
                    return;
                }
            }
        });
    }
}
