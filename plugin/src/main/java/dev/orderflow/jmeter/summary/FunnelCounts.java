package dev.orderflow.jmeter.summary;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The order funnel of a run: what the order-flow samples say happened to the virtual users' orders.
 *
 * @param logins LOGIN samples: the logins tried
 * @param loginFailures failed LOGIN samples
 * @param ordersAttempted iterations that started the order flow after login (samples marked attemptStart)
 * @param ordersCreated successful ORDER samples
 * @param ordersUnknown ORDER samples whose outcome is unknown (sent, then no complete answer)
 * @param cartFailures failed CART samples
 * @param rejections failed ORDER samples with a known outcome, by response code
 * @param relogins samples whose step logged its user in again after a 401 (the Login sampler's logins aside)
 * @param reloginFailures those of them whose login failed, failing the step
 * @param pageLoads PAGE samples: the pages a flow of pages (the index page) loaded, successful or not
 * @param ordersCutOff attempts that neither sent their order nor gave up at a failed step: the run ended (or its
 *        user was stopped) during them; while a run goes on, the attempts in flight
 */
public record FunnelCounts(long logins, long loginFailures, long ordersAttempted, long ordersCreated,
        long ordersUnknown, long cartFailures, SortedMap<String, Long> rejections, long relogins, long reloginFailures,
        long pageLoads, long ordersCutOff) {

    public static final FunnelCounts EMPTY = new FunnelCounts(0, 0, 0, 0, 0, 0, new TreeMap<>());

    public FunnelCounts {
        rejections = Collections.unmodifiableSortedMap(new TreeMap<>(rejections));
    }

    /** The funnel of an order flow. */
    public FunnelCounts(long logins, long loginFailures, long ordersAttempted, long ordersCreated, long ordersUnknown,
            long cartFailures, SortedMap<String, Long> rejections, long relogins, long reloginFailures) {
        this(logins, loginFailures, ordersAttempted, ordersCreated, ordersUnknown, cartFailures, rejections, relogins,
                reloginFailures, 0, 0);
    }

    /** The funnel of a run in which no step had to log in again. */
    public FunnelCounts(long logins, long loginFailures, long ordersAttempted, long ordersCreated, long ordersUnknown,
            long cartFailures, SortedMap<String, Long> rejections) {
        this(logins, loginFailures, ordersAttempted, ordersCreated, ordersUnknown, cartFailures, rejections, 0, 0, 0,
                0);
    }

    /** True when the users loaded pages rather than ordering. */
    public boolean pageFlow() {
        return pageLoads > 0 && logins == 0;
    }

    /**
     * Attempts that failed: the shop refused the order, or a product list or cart step failed and the user gave the
     * attempt up. Neither created, unknown nor cut off.
     */
    public long ordersFailed() {
        return ordersAttempted - ordersCreated - ordersUnknown - ordersCutOff;
    }

    /** Orders created per order attempted, in percent; null when nothing was attempted. */
    public Double successRatePct() {
        return ordersAttempted == 0 ? null : 100.0 * ordersCreated / ordersAttempted;
    }
}
