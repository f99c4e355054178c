package dev.orderflow.jmeter.flow;

import org.apache.jmeter.samplers.SampleResult;

/**
 * A standard {@link SampleResult} that also says where in the order flow it was taken.
 *
 * <p>The order summary listener builds the order funnel from these marks alone, so it needs no
 * per-thread state and counts the same on one JVM and on the controller of a distributed run,
 * where results arrive serialized from the engines.
 */
public class OrderFlowSampleResult extends SampleResult {

    private static final long serialVersionUID = 1L;

    private FlowStep step;
    private boolean attemptStart;
    private boolean outcomeUnknown;
    private Relogin relogin = Relogin.NONE;
    private int userNumber = -1;
    private int engine;
    private int engineCount = 1;
    private boolean fromOrderFlowGroup;

    public OrderFlowSampleResult(FlowStep step) {
        this.step = step;
    }

    public FlowStep getStep() {
        return step;
    }

    /** True on the first sample of an iteration's order attempt: the iteration started the flow after login. */
    public boolean isAttemptStart() {
        return attemptStart;
    }

    public void setAttemptStart(boolean attemptStart) {
        this.attemptStart = attemptStart;
    }

    /**
     * True when the request was sent but no answer came (timeout, connection lost): the shop may or may
     * not have acted on it. Such an order is neither created nor failed for the funnel.
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    public void setOutcomeUnknown(boolean outcomeUnknown) {
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Whether the step logged its user in again after a 401; counted apart from the Login sampler's logins. */
    public Relogin getRelogin() {
        return relogin;
    }

    public void setRelogin(Relogin relogin) {
        this.relogin = relogin;
    }

    /** The cluster-unique number of the virtual user that took the sample, or -1 when not known. */
    public int getUserNumber() {
        return userNumber;
    }

    public void setUserNumber(int userNumber) {
        this.userNumber = userNumber;
    }

    /** The engine that took the sample: 0 … engineCount − 1. */
    public int getEngine() {
        return engine;
    }

    public void setEngine(int engine) {
        this.engine = engine;
    }

    public int getEngineCount() {
        return engineCount;
    }

    public void setEngineCount(int engineCount) {
        this.engineCount = engineCount;
    }

    /** True when an orderflow thread group ran the user, which then reports its load at the end of the run. */
    public boolean isFromOrderFlowGroup() {
        return fromOrderFlowGroup;
    }

    public void setFromOrderFlowGroup(boolean fromOrderFlowGroup) {
        this.fromOrderFlowGroup = fromOrderFlowGroup;
    }
}
