package dev.orderflow.jmeter.threads.cluster;

import java.util.ArrayList;
import java.util.List;

import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.shape.Durations;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.Stage;

/** Builds the notice of the plan a thread group follows from its shape and planned curve. */
final class PlanNotices {

    private PlanNotices() {
    }

    static LoadPlanNotice of(String group, long startEpochMs, LoadSchedule schedule, PlannedCurve curve) {
        List<LoadPlanNotice.Point> corners = new ArrayList<>();
        for (PlannedCurve.Point point : curve.points()) {
            corners.add(new LoadPlanNotice.Point(point.seconds(), point.users()));
        }
        return new LoadPlanNotice(group, startEpochMs, corners, curve.endsByItself(), stageStarts(schedule));
    }

    /** Where each stage begins: after the one before it ends; a users shape is one stage from the start. */
    private static List<LoadPlanNotice.Point> stageStarts(LoadSchedule schedule) {
        List<LoadPlanNotice.Point> starts = new ArrayList<>();
        if (schedule instanceof LoadSchedule.Staged staged) {
            double from = 0;
            for (Stage stage : staged.stages()) {
                starts.add(new LoadPlanNotice.Point(from, stage.users()));
                from = Durations.toSeconds(stage.until());
            }
        } else if (schedule instanceof LoadSchedule.Constant constant) {
            starts.add(new LoadPlanNotice.Point(0, constant.users()));
        }
        return starts;
    }
}
