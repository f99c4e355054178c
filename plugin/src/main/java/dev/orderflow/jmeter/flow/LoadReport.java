package dev.orderflow.jmeter.flow;

import org.apache.jmeter.samplers.SampleResult;

/**
 * The sample an orderflow thread group sends its listeners when its run is over: its {@link GroupLoad}, so that
 * the order summary can tell a run that did its planned load from one that stopped early or never reached its
 * users — on this JVM and, as any sample, from every engine to the controller of a distributed run.
 *
 * <p>It is one line in a results file, labelled {@value #LABEL}, successful when the load held, with the account
 * as its message: a person reading the results sees it too. It takes no time (elapsed 0), so it moves no
 * response-time figure; the order summary does not count it as a sample.
 */
public class LoadReport extends SampleResult {

    private static final long serialVersionUID = 1L;

    public static final String LABEL = "orderflow: load report";
    /** The response codes of a load that held and of one that did not, as the results file shows them. */
    public static final String HELD_CODE = "load held";
    public static final String NOT_HELD_CODE = "load not as planned";

    private final GroupLoad load;

    public LoadReport(GroupLoad load) {
        this.load = load;
        long now = System.currentTimeMillis();
        setStampAndTime(now, 0);
        setSampleLabel(LABEL);
        setThreadName(LABEL + " " + load.group());
        setSuccessful(load.held());
        setResponseCode(load.held() ? HELD_CODE : NOT_HELD_CODE);
        setResponseMessage(load.describe());
        setDataType(TEXT);
    }

    public GroupLoad load() {
        return load;
    }
}
