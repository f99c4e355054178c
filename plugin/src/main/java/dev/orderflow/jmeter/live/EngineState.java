package dev.orderflow.jmeter.live;

import java.util.concurrent.atomic.LongAdder;

/** What the live view knows of one engine (or of this JVM in a local run): its samples, its users, whether it ended. */
final class EngineState {

    private final String host;
    private final LongAdder samples = new LongAdder();
    private volatile long lastSampleMs;
    private volatile int users;
    private volatile boolean ended;

    EngineState(String host) {
        this.host = host;
    }

    void sampled(long endMs, int allThreads) {
        samples.increment();
        if (endMs > lastSampleMs) {
            lastSampleMs = endMs;
        }
        users = allThreads;
    }

    void ended() {
        ended = true;
    }

    String host() {
        return host;
    }

    long samples() {
        return samples.sum();
    }

    long lastSampleMs() {
        return lastSampleMs;
    }

    /** The users running on it, as its last sample said (JMeter's count of its active threads). */
    int users() {
        return ended ? 0 : users;
    }

    boolean isEnded() {
        return ended;
    }
}
