package dev.orderflow.jmeter.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.engine.util.NoThreadClone;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/** A listener in a test plan that keeps every sample of the run for the test to inspect. */
public final class RecordingListener extends AbstractTestElement implements SampleListener, NoThreadClone {

    private static final long serialVersionUID = 1L;

    private final transient Queue<SampleResult> results = new ConcurrentLinkedQueue<>();

    public RecordingListener() {
        setName("recording listener");
    }

    @Override
    public void sampleOccurred(SampleEvent event) {
        results.add(event.getResult());
    }

    @Override
    public void sampleStarted(SampleEvent event) {
        // only finished samples matter
    }

    @Override
    public void sampleStopped(SampleEvent event) {
        // only finished samples matter
    }

    public List<SampleResult> all() {
        return new ArrayList<>(results);
    }

    /** The order-flow samples of one step. */
    public List<OrderFlowSampleResult> of(FlowStep step) {
        List<OrderFlowSampleResult> found = new ArrayList<>();
        for (SampleResult result : results) {
            if (result instanceof OrderFlowSampleResult flow && flow.getStep() == step) {
                found.add(flow);
            }
        }
        return found;
    }
}
