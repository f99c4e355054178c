package dev.orderflow.jmeter.summary;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * Counts the order funnel from the marks on order-flow samples, from many threads at once and without locks.
 * It needs no per-user state, so it counts the same on one JVM and on a distributed run's controller.
 */
final class OrderFunnel {

    /** The rejection bucket of a failed ORDER sample that carries no response code. */
    static final String NO_RESPONSE_CODE = "none";

    private final LongAdder logins = new LongAdder();
    private final LongAdder loginFailures = new LongAdder();
    private final LongAdder attempted = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder cartFailures = new LongAdder();
    private final LongAdder relogins = new LongAdder();
    private final LongAdder reloginFailures = new LongAdder();
    private final LongAdder pages = new LongAdder();
    /** Failed product list and cart steps: each gives its attempt up before an order is sent. */
    private final LongAdder givenUp = new LongAdder();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

    void record(OrderFlowSampleResult sample) {
        if (sample.isAttemptStart()) {
            attempted.increment();
        }
        // a step that logged in again is still one step: it counts once below, whatever it took
        switch (sample.getRelogin()) {
            case SUCCEEDED -> relogins.increment();
            case FAILED -> {
                relogins.increment();
                reloginFailures.increment();
            }
            default -> {
                // the step's token was accepted
            }
        }
        switch (sample.getStep()) {
            case LOGIN -> {
                logins.increment();
                if (!sample.isSuccessful()) {
                    loginFailures.increment();
                }
            }
            case CART -> {
                if (!sample.isSuccessful()) {
                    cartFailures.increment();
                    givenUp.increment();
                }
            }
            case PRODUCTS -> {
                if (!sample.isSuccessful()) {
                    givenUp.increment();
                }
            }
            case ORDER -> recordOrder(sample);
            case PAGE -> pages.increment();
            default -> {
                // other steps count in the label statistics only
            }
        }
    }

    private void recordOrder(OrderFlowSampleResult sample) {
        if (sample.isOutcomeUnknown()) {
            unknown.increment();
        } else if (sample.isSuccessful()) {
            created.increment();
        } else {
            String code = sample.getResponseCode();
            String bucket = code == null || code.isBlank() ? NO_RESPONSE_CODE : code.trim();
            rejections.computeIfAbsent(bucket, c -> new LongAdder()).increment();
        }
    }

    FunnelCounts counts() {
        TreeMap<String, Long> byCode = new TreeMap<>();
        rejections.forEach((code, n) -> byCode.put(code, n.sum()));
        long attempts = attempted.sum();
        long made = created.sum();
        long unknownOutcomes = unknown.sum();
        long refused = byCode.values().stream().mapToLong(Long::longValue).sum();
        // what is left of the attempts had no order sent and no failed step: ended by the run, or still going
        long cutOff = Math.max(0, attempts - made - unknownOutcomes - refused - givenUp.sum());
        return new FunnelCounts(logins.sum(), loginFailures.sum(), attempts, made, unknownOutcomes,
                cartFailures.sum(), byCode, relogins.sum(), reloginFailures.sum(), pages.sum(), cutOff);
    }
}
