package dev.orderflow.jmeter.summary;

import org.apache.jmeter.samplers.SampleResult;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

/** Samples as the order-flow samplers mark them, for tests that feed the listener's counters directly. */
final class FlowSamples {

    static {
        JMeterEnvironment.init(); // SampleResult reads JMeter's properties when first loaded
    }

    private FlowSamples() {
    }

    static OrderFlowSampleResult sample(FlowStep step, boolean successful, String code) {
        OrderFlowSampleResult sample = new OrderFlowSampleResult(step);
        sample.setSampleLabel(step.name());
        sample.setSuccessful(successful);
        sample.setResponseCode(code);
        times(sample, 1_000, 10);
        return sample;
    }

    static OrderFlowSampleResult attemptStart(FlowStep step, boolean successful, String code) {
        OrderFlowSampleResult sample = sample(step, successful, code);
        sample.setAttemptStart(true);
        return sample;
    }

    static OrderFlowSampleResult unknownOrder() {
        OrderFlowSampleResult sample = sample(FlowStep.ORDER, false,
                "Non HTTP response code: java.net.SocketTimeoutException");
        sample.setOutcomeUnknown(true);
        return sample;
    }

    /** Start and end as a sampler sets them, whichever end JMeter's time stamp property names. */
    static void times(SampleResult sample, long startMs, long elapsedMs) {
        boolean stampIsStart = new SampleResult(1_000, 10).getStartTime() == 1_000;
        sample.setStampAndTime(stampIsStart ? startMs : startMs + elapsedMs, elapsedMs);
    }

    static SampleResult plain(String label, long startMs, long elapsedMs, boolean successful) {
        SampleResult sample = new SampleResult();
        sample.setSampleLabel(label);
        times(sample, startMs, elapsedMs);
        sample.setSuccessful(successful);
        return sample;
    }
}
