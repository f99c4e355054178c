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
 */
public record FunnelCounts(long logins, long loginFailures, long ordersAttempted, long ordersCreated, long ordersUnknown,
        long cartFailures, SortedMap<String, Long> rejections) {

    public static final FunnelCounts EMPTY = new FunnelCounts(0, 0, 0, 0, 0, 0, new TreeMap<>());

    public FunnelCounts {
        rejections = Collections.unmodifiableSortedMap(new TreeMap<>(rejections));
    }

    /** Attempts that neither created an order nor ended with an unknown outcome. */
    public long ordersFailed() {
        return ordersAttempted - ordersCreated - ordersUnknown;
    }

    /** Failed logins per login tried, in percent; null when no login was tried. */
    public Double loginFailureRatePct() {
        return logins == 0 ? null : 100.0 * loginFailures / logins;
    }

    /** Orders created per order attempted, in percent; null when nothing was attempted. */
    public Double successRatePct() {
        return ordersAttempted == 0 ? null : 100.0 * ordersCreated / ordersAttempted;
    }
}
