package dev.orderflow.jmeter.threads.gui;

import java.time.Duration;

import dev.orderflow.jmeter.threads.plan.LoadPlan;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.shape.LoadScale;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.ShapeDefinitionException;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeParser;
import dev.orderflow.jmeter.threads.shape.ShapeSettings;

/**
 * What the editor's chart shows for some settings: the planned curve with a caption, or the problem. The
 * curve is the one a run in this JMeter would follow, at the scale its {@code scale} and {@code timescale}
 * properties ask for; the caption says when that is not the plan's full scale.
 */
record ShapePreview(PlannedCurve curve, String note, String problem) {

    static ShapePreview of(ShapeSettings settings) {
        try {
            LoadScale scale = LoadScale.fromJMeterProperties();
            LoadSchedule schedule = ShapeParser.parse(settings, scale);
            Duration horizon = PlannedCurve.horizonFor(schedule);
            PlannedCurve curve = PlannedCurve.of(LoadPlan.of(schedule), horizon);
            String caption = caption(schedule, curve);
            LoadScale applied = ShapeKind.fromPropertyValue(settings.shape()).map(scale::appliedTo).orElse(scale);
            String note = applied.isFull() ? caption : "at " + applied.describe() + ": " + caption;
            return new ShapePreview(curve, note, null);
        } catch (ShapeDefinitionException e) {
            return new ShapePreview(null, "", e.getMessage());
        }
    }

    private static String caption(LoadSchedule schedule, PlannedCurve curve) {
        String peak = "peak " + Math.round(curve.maxUsers()) + " users";
        if (schedule.iterationsPerUser().isPresent() && !curve.endsByItself()) {
            int iterations = schedule.iterationsPerUser().getAsInt();
            return peak + " started; each runs " + iterations + (iterations == 1 ? " iteration" : " iterations")
                    + ", then ends";
        }
        if (curve.endsByItself()) {
            return peak + ", ends at " + PlannedUsersChart.clock(curve.lastSeconds());
        }
        return peak + " (first " + PlannedUsersChart.clock(curve.lastSeconds()) + " shown)";
    }
}
