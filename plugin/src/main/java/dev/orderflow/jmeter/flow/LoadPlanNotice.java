package dev.orderflow.jmeter.flow;

import java.util.List;

import org.apache.jmeter.samplers.SampleResult;

/**
 * The sample an orderflow thread group sends its listeners when it starts following a shape known in advance
 * (users, or stages): the planned users over time, cluster totals, and where its stages begin. A distributed
 * run's controller runs no thread group; this is how its live view learns the plan to draw the actual users
 * against, as the engines' samples reach it.
 *
 * <p>Like the {@link LoadReport} it shares a label with, it is one line in a results file, takes no time, and
 * counts as no request.
 */
public class LoadPlanNotice extends SampleResult {

    private static final long serialVersionUID = 1L;

    /** The response code a results file shows for it. */
    public static final String CODE = "load planned";

    /**
     * A corner of the planned users' polyline, or the start of a stage.
     *
     * @param seconds from the group's start
     * @param users   cluster total
     */
    public record Point(double seconds, double users) implements java.io.Serializable {
    }

    private final String group;
    private final long startEpochMs;
    private final List<Point> corners;
    private final boolean endsByItself;
    private final List<Point> stageStarts;

    public LoadPlanNotice(String group, long startEpochMs, List<Point> corners, boolean endsByItself,
            List<Point> stageStarts) {
        this.group = group;
        this.startEpochMs = startEpochMs;
        this.corners = List.copyOf(corners);
        this.endsByItself = endsByItself;
        this.stageStarts = List.copyOf(stageStarts);
        setStampAndTime(startEpochMs, 0);
        setSampleLabel(LoadReport.LABEL);
        setThreadName(LoadReport.LABEL + " " + group);
        setSuccessful(true);
        setResponseCode(CODE);
        setResponseMessage("group '" + group + "' plans up to "
                + Math.round(corners.stream().mapToDouble(Point::users).max().orElse(0)) + " users");
        setDataType(TEXT);
    }

    public String group() {
        return group;
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    public List<Point> corners() {
        return corners;
    }

    /** True when the shape ends by itself: its last corner is its planned end. */
    public boolean endsByItself() {
        return endsByItself;
    }

    public List<Point> stageStarts() {
        return stageStarts;
    }
}
