package dev.orderflow.jmeter.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.orderflow.jmeter.http.ConnectionSettings;
import dev.orderflow.jmeter.http.Endpoint;

/**
 * How this JVM's shop connections reach their shops (TLS, HTTP version, timeouts), by shop, so that other parts
 * of the plan that talk to the same shop (the order summary's statistics client) speak to it the same way.
 * Each shop connection records its settings when the test starts; a later test overwrites them.
 */
public final class ShopTransports {

    private static final Map<String, ConnectionSettings> BY_SHOP = new ConcurrentHashMap<>();

    private ShopTransports() {
    }

    static void record(ShopSettings settings) {
        BY_SHOP.put(settings.endpoint().baseUrl(), settings.connection());
    }

    /** The settings a shop connection of this JVM uses for the shop, or null when none was started for it. */
    public static ConnectionSettings of(Endpoint shop) {
        return BY_SHOP.get(shop.baseUrl());
    }
}
