package dev.orderflow.jmeter.threads;

import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.Interruptible;
import org.apache.jmeter.samplers.SampleResult;

/**
 * A sampler whose sample is a pause of its thread: the stand-in for a request in the thread group's tests.
 * It can be interrupted, the way JMeter interrupts a sampler on a hard stop.
 */
public class PausingSampler extends AbstractSampler implements Interruptible {

    private static final long serialVersionUID = 1L;
    private static final String PAUSE = "PausingSampler.pauseMillis";

    private transient volatile Thread sampling;

    public PausingSampler() {
    }

    public static PausingSampler pausing(long millis) {
        PausingSampler sampler = new PausingSampler();
        sampler.setName("pause " + millis + " ms");
        sampler.setProperty(PAUSE, millis);
        return sampler;
    }

    @Override
    public SampleResult sample(Entry entry) {
        SampleResult result = new SampleResult();
        result.setSampleLabel(getName());
        sampling = Thread.currentThread();
        result.sampleStart();
        try {
            Thread.sleep(getPropertyAsLong(PAUSE));
            result.setSuccessful(true);
            result.setResponseCodeOK();
            result.setResponseMessageOK();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.setSuccessful(false);
            result.setResponseMessage("interrupted");
        } finally {
            result.sampleEnd();
            sampling = null;
        }
        return result;
    }

    @Override
    public boolean interrupt() {
        Thread thread = sampling;
        if (thread == null) {
            return false;
        }
        thread.interrupt();
        return true;
    }
}
