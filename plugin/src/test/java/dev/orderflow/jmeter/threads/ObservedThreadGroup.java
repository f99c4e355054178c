package dev.orderflow.jmeter.threads;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.threads.ListenerNotifier;
import org.apache.jorphan.collections.ListedHashTree;

/**
 * The thread group under test, noting when the engine started it (time 0 of its shape) and when the engine
 * asked it to stop, so that the tests measure from those moments rather than from what users saw.
 */
public class ObservedThreadGroup extends OrderFlowThreadGroup {

    private static final long serialVersionUID = 1L;

    private transient volatile long startedNanos;
    private transient volatile long startedMillis;
    private transient volatile long stopAskedNanos;

    @Override
    public void start(int groupNumber, ListenerNotifier notifier, ListedHashTree groupTree,
            StandardJMeterEngine engine) {
        super.start(groupNumber, notifier, groupTree, engine);
        // Right after the run began following its plan (its starter thread has just been started).
        startedNanos = System.nanoTime();
        startedMillis = System.currentTimeMillis();
    }

    @Override
    public void stop() {
        stopAskedNanos = System.nanoTime();
        super.stop();
    }

    long startedNanos() {
        return startedNanos;
    }

    long startedMillis() {
        return startedMillis;
    }

    long stopAskedNanos() {
        return stopAskedNanos;
    }
}
