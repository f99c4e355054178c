package dev.orderflow.jmeter.sampler;

import java.util.HashMap;
import java.util.Map;

import org.apache.jmeter.threads.JMeterVariables;

import dev.orderflow.jmeter.config.ShopSettings;

/**
 * A virtual user's sessions, one per shop it talks to, kept in its JMeter variables so that every
 * order-flow sampler of the user shares them.
 */
public final class ShopSessions implements AutoCloseable {

    /** The variable (an object, put with putObject) that holds a user's sessions. */
    public static final String VARIABLE = "orderflow.sessions";

    private final Map<String, ShopSession> byShop = new HashMap<>(2);

    /** The user's sessions, created on first use. */
    public static ShopSessions of(JMeterVariables variables) {
        Object existing = variables.getObject(VARIABLE);
        if (existing instanceof ShopSessions sessions) {
            return sessions;
        }
        ShopSessions sessions = new ShopSessions();
        variables.putObject(VARIABLE, sessions);
        return sessions;
    }

    /** The session with the shop these settings point at, opened on first use. */
    public ShopSession with(ShopSettings settings) {
        ShopSession session = byShop.get(settings.sessionKey());
        if (session == null) {
            session = new ShopSession(settings);
            byShop.put(settings.sessionKey(), session);
        }
        return session;
    }

    /** Closes every connection; the sessions start afresh if used again. */
    @Override
    public void close() {
        for (ShopSession session : byShop.values()) {
            session.close();
        }
        byShop.clear();
    }
}
