package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.http.HttpUserAgent;

/**
 * One virtual user's state with one shop: its connection and cookies, its token once logged in, the
 * stock it knows of, the iteration of its current order attempt, and whether its cart may still hold
 * items of an earlier attempt.
 */
public final class ShopSession implements AutoCloseable {

    private final HttpUserAgent agent;
    private final KnownStock stock = new KnownStock();
    private String token;
    private static final int NO_ATTEMPT = Integer.MIN_VALUE;

    private int attemptIteration = NO_ATTEMPT;
    /** The attempt that put items into the cart and has not ordered them yet, or NO_ATTEMPT. */
    private int cartFilledBy = NO_ATTEMPT;

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

    /** Forgets a token the shop refused and could not be renewed: the next Login sample logs in afresh. */
    void loggedOut() {
        this.token = null;
    }

    /** The current attempt's cart step sent its requests: until an order takes them, the cart may hold items. */
    void cartFilled() {
        cartFilledBy = attemptIteration;
    }

    /** The cart is empty: an order took its items, or the user emptied it. */
    void cartEmptied() {
        cartFilledBy = NO_ATTEMPT;
    }

    /**
     * True when the cart may hold items that an earlier attempt put there and no order took: a sold-out
     * answer, a failed or unanswered order. A shop keeps such a cart (API.md), so the next attempt must
     * empty it first or its order would carry them, and fail again if one is sold out.
     */
    boolean cartHoldsLeftovers() {
        return cartFilledBy != NO_ATTEMPT && cartFilledBy != attemptIteration;
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
