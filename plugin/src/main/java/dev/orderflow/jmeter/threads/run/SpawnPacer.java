package dev.orderflow.jmeter.threads.run;

/**
 * Decides how many users to start or retire now so that they are spread evenly at the spawn rate: the
 * k-th user of a ramp is due at ramp start + k / rate. A caller that wakes late gets the users that fell due
 * meanwhile, so the rate holds on average. Holds no clock: the caller passes the time.
 */
final class SpawnPacer {

    static final long NEVER = Long.MAX_VALUE;

    private long nextStart = NEVER;
    private long nextRetire = NEVER;

    /**
     * @param now     the caller's clock, nanoseconds
     * @param wanted  users this engine should have
     * @param current users it has (not counting those already retiring)
     * @param rate    users per second
     */
    Step step(long now, int wanted, int current, double rate) {
        long interval = Math.max(1, Math.round(1e9 / rate));
        int gap = wanted - current;
        if (gap > 0) {
            nextRetire = NEVER;
            if (nextStart == NEVER) {
                nextStart = now;
            }
            int due = due(now, nextStart, interval, gap);
            if (due == gap) {
                // The ramp is done; the next one, whenever the target rises again, starts afresh.
                nextStart = NEVER;
                return new Step(due, 0, NEVER);
            }
            nextStart += due * interval;
            return new Step(due, 0, nextStart);
        }
        if (gap < 0) {
            nextStart = NEVER;
            if (nextRetire == NEVER) {
                nextRetire = now;
            }
            int due = due(now, nextRetire, interval, -gap);
            if (due == -gap) {
                nextRetire = NEVER;
                return new Step(0, due, NEVER);
            }
            nextRetire += due * interval;
            return new Step(0, due, nextRetire);
        }
        nextStart = NEVER;
        nextRetire = NEVER;
        return new Step(0, 0, NEVER);
    }

    private static int due(long now, long next, long interval, int gap) {
        if (now < next) {
            return 0;
        }
        long count = (now - next) / interval + 1;
        return (int) Math.min(gap, count);
    }

    /** Users to start and to retire now, and when to ask again ({@link #NEVER} if only a change can matter). */
    record Step(int starts, int retires, long wakeAt) {
    }
}
