package dev.orderflow.jmeter.summary;

/**
 * One label's response times over the whole run and over the last interval (since the previous window), as
 * the live view shows them each second.
 *
 * @param run the whole run so far
 * @param intervalCount samples of the last interval
 */
public record LabelWindow(LabelStats run, long intervalCount, long intervalP50Ms, long intervalP95Ms,
        long intervalP99Ms) {
}
