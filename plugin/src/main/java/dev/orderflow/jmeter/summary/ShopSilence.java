package dev.orderflow.jmeter.summary;

import java.time.Instant;
import java.util.Locale;

/**
 * The shop stopped answering and did not answer again before the run ended: from when, how many requests got no
 * answer since, and the last reason given.
 *
 * @param sinceMs the start of the first request of the unbroken run of unanswered ones that ended the run (epoch ms)
 * @param unanswered the order-flow requests that got no answer since then
 * @param lastProblem the last unanswered request's message, e.g. "connection refused"
 */
public record ShopSilence(long sinceMs, long unanswered, String lastProblem) {

    /** One sentence for a person, with the time into the run. */
    public String describe(long runStartMs) {
        return String.format(Locale.ROOT,
                "stopped answering at %s (%.1f s into the run): %d request(s) got no answer since, the last: %s",
                Instant.ofEpochMilli(sinceMs), Math.max(0, sinceMs - runStartMs) / 1000.0, unanswered, lastProblem);
    }
}
