package dev.orderflow.jmeter.summary;

import java.util.concurrent.atomic.LongAccumulator;

import org.apache.jmeter.samplers.SampleResult;

/**
 * Finds when the shop stopped answering: the unbroken run of order-flow requests that got no answer at all
 * (refused, reset, timed out: JMeter's "Non HTTP response code") with no answered request after it. Answered
 * samples cost one lock-free update; only unanswered ones take a lock, and a shop that answers has none.
 */
final class SilenceTracker {

    /** JMeter's response code prefix for a request that got no HTTP answer. */
    static final String NO_ANSWER_CODE = "Non HTTP response code: ";
    /** Our code for a sampler that could not even send (its settings): not the shop's silence. */
    private static final String CONFIGURATION = NO_ANSWER_CODE + "configuration";

    private final LongAccumulator lastAnsweredEndMs = new LongAccumulator(Math::max, 0);
    private long streakStartMs;
    private long streakCount;
    private String lastProblem;

    void record(SampleResult sample) {
        String code = sample.getResponseCode();
        if (code == null || !code.startsWith(NO_ANSWER_CODE)) {
            lastAnsweredEndMs.accumulate(sample.getEndTime());
            return;
        }
        if (code.equals(CONFIGURATION)) {
            return;
        }
        synchronized (this) {
            if (streakCount == 0 || streakStartMs < lastAnsweredEndMs.get()) {
                // an answer came since the last streak began: this is the start of a new one
                streakStartMs = sample.getStartTime();
                streakCount = 0;
            }
            streakStartMs = Math.min(streakStartMs, sample.getStartTime());
            streakCount++;
            lastProblem = sample.getResponseMessage();
        }
    }

    /** The silence that ended the run, or null when the shop answered after its last unanswered request. */
    synchronized ShopSilence silence() {
        if (streakCount == 0 || streakStartMs < lastAnsweredEndMs.get()) {
            return null;
        }
        return new ShopSilence(streakStartMs, streakCount, lastProblem);
    }
}
