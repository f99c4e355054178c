package dev.orderflow.jmeter.threads.cluster;

import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleListener;
import org.apache.jorphan.collections.HashTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;

/**
 * Sends a thread group's {@link LoadReport} to the listeners that hear every sample of the group: those on the
 * group itself and on the test plan (JMeter hangs the plan's elements under each group it starts). On an engine of
 * a distributed run these are the wrappers that forward samples to the controller, so the report reaches the
 * order summary there like any sample.
 */
public final class LoadReportSender {

    private static final Logger log = LoggerFactory.getLogger(LoadReportSender.class);

    private final String groupName;
    private final List<SampleListener> listeners;

    private LoadReportSender(String groupName, List<SampleListener> listeners) {
        this.groupName = groupName;
        this.listeners = listeners;
    }

    /** The listeners directly under {@code group} in the tree JMeter started it with. */
    public static LoadReportSender forGroup(Object group, String groupName, HashTree groupTree) {
        List<SampleListener> found = new ArrayList<>();
        HashTree children = groupTree.getTree(group);
        if (children != null) {
            for (Object child : children.list()) {
                if (child instanceof SampleListener listener) {
                    found.add(listener);
                }
            }
        }
        return new LoadReportSender(groupName, List.copyOf(found));
    }

    /**
     * Tells the listeners the plan the group now follows, which started at {@code startEpochMs}; quietly, as it is no
     * event for the log.
     */
    public void sendPlan(long startEpochMs, LoadSchedule schedule, PlannedCurve curve) {
        notify(new SampleEvent(PlanNotices.of(groupName, startEpochMs, schedule, curve), groupName));
    }

    public void send(GroupLoad load) {
        if (load.held()) {
            log.info("OrderFlowThreadGroup '{}': {}", groupName, load.describe());
        } else {
            log.warn("OrderFlowThreadGroup '{}': {}", groupName, load.describe());
        }
        notify(new SampleEvent(new LoadReport(load), groupName));
    }

    private void notify(SampleEvent event) {
        for (SampleListener listener : listeners) {
            try {
                listener.sampleOccurred(event);
            } catch (RuntimeException e) {
                log.warn("OrderFlowThreadGroup '{}': listener {} failed to take {}", groupName, listener,
                        event.getResult().getResponseCode(), e);
            }
        }
    }
}
