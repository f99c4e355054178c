package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.http.HttpUserAgent;

/**
 * One virtual user's state with one shop: its connection and cookies, its token once logged in, the
 * stock it knows of, and the iteration of its current order attempt.
 */
public final class ShopSession implements AutoCloseable {

    private final HttpUserAgent agent;
    private final KnownStock stock = new KnownStock();
    private String token;
    private int attemptIteration = Integer.MIN_VALUE;

    ShopSession(ShopSettings settings) {
        this.agent = new HttpUserAgent(settings.endpoint(), settings.connection());
    }

    public HttpUserAgent agent() {
        return agent;
    }

    public KnownStock stock() {
        return stock;
    }

    public boolean loggedIn() {
        return token != null;
    }

    /** The token from the login answer, or null before a successful login. */
    public String token() {
        return token;
    }

    void loggedInWith(String token) {
        this.token = token;
    }

    /**
     * Marks the start of the order attempt of an iteration: true for the first call in each iteration,
     * false for later calls in the same one.
     */
    boolean startsAttempt(int iteration) {
        if (attemptIteration == iteration) {
            return false;
        }
        attemptIteration = iteration;
        return true;
    }

    @Override
    public void close() {
        agent.close();
    }
}
