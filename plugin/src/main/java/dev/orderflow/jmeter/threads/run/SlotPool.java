package dev.orderflow.jmeter.threads.run;

import java.util.BitSet;

/**
 * The user slots of one engine: a new user takes the lowest free slot, so numbers are reused only when a
 * user is replaced. Not thread-safe: the run guards it with its lock.
 */
final class SlotPool {

    private final BitSet taken = new BitSet();

    int acquire() {
        int slot = taken.nextClearBit(0);
        taken.set(slot);
        return slot;
    }

    void release(int slot) {
        taken.clear(slot);
    }

    int inUse() {
        return taken.cardinality();
    }
}
