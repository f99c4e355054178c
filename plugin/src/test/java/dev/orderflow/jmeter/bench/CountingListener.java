package dev.orderflow.jmeter.bench;

import java.util.concurrent.atomic.LongAdder;

import org.apache.jmeter.engine.util.NoThreadClone;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.AbstractTestElement;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

/**
 * Counts a benchmark run's samples, HTTP requests and failures without keeping the samples.
 *
 * <p>Every stock HTTP sample is one request. An orderflow Add to cart sample holds one request per
 * product it added; its request data lists each as a line starting with the method, which is how
 * they are counted here.
 */
final class CountingListener extends AbstractTestElement implements SampleListener, NoThreadClone {

    private static final long serialVersionUID = 1L;

    private final transient LongAdder samples = new LongAdder();
    private final transient LongAdder requests = new LongAdder();
    private final transient LongAdder failures = new LongAdder();
    private final transient LongAdder orders = new LongAdder();
    private final transient java.util.Queue<String> firstFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    CountingListener() {
        setName("counting listener");
    }

    @Override
    public void sampleOccurred(SampleEvent event) {
        SampleResult result = event.getResult();
        samples.increment();
        requests.add(requestsIn(result));
        if (!result.isSuccessful()) {
            failures.increment();
            if (firstFailures.size() < 5) {
                String body = result.getResponseDataAsString();
                firstFailures.add(result.getSampleLabel() + ": " + result.getResponseCode() + " "
                        + result.getResponseMessage() + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        boolean order = result instanceof OrderFlowSampleResult flow ? flow.getStep() == FlowStep.ORDER
                : result.getSampleLabel().equals(StockOrderFlowPlan.ORDER_LABEL);
        if (order && result.isSuccessful()) {
            orders.increment();
        }
    }

    private static int requestsIn(SampleResult result) {
        if (!(result instanceof OrderFlowSampleResult flow) || flow.getStep() != FlowStep.CART) {
            return 1;
        }
        int count = 0;
        for (String line : result.getSamplerData().split("\n")) {
            if (line.startsWith("POST ")) {
                count++;
            }
        }
        return Math.max(1, count);
    }

    @Override
    public void sampleStarted(SampleEvent event) {
        // counted when they end
    }

    @Override
    public void sampleStopped(SampleEvent event) {
        // counted when they end
    }

    /** A few failed samples, described, so that a benchmark with failures shows why. */
    java.util.List<String> firstFailures() {
        return new java.util.ArrayList<>(firstFailures);
    }

    long samples() {
        return samples.sum();
    }

    long requests() {
        return requests.sum();
    }

    long failures() {
        return failures.sum();
    }

    long orders() {
        return orders.sum();
    }
}
