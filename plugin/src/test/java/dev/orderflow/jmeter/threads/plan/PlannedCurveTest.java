package dev.orderflow.jmeter.threads.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.threads.plan.PlannedCurve.Point;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.ShapeScript;
import dev.orderflow.jmeter.threads.shape.Stage;

class PlannedCurveTest {

    /** Generous: these scripts return at once, and a loaded machine must not fail them. */
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(10);

    private static final LoadSchedule.Staged STEPPED = new LoadSchedule.Staged(List.of(
            new Stage(Duration.ofSeconds(60), 100, 10),
            new Stage(Duration.ofSeconds(180), 300, 10),
            new Stage(Duration.ofSeconds(300), 500, 10),
            new Stage(Duration.ofSeconds(420), 700, 10),
            new Stage(Duration.ofSeconds(600), 1000, 10)), 1);

    @Test
    void theSteppedShapeRampsAtTheSpawnRateHoldsAndEndsAtTenMinutes() {
        PlannedCurve curve = PlannedCurve.of(LoadPlan.of(STEPPED), PlannedCurve.horizonFor(STEPPED));

        assertThat(curve.points()).containsExactly(
                new Point(0, 0), new Point(10, 100), new Point(60, 100),
                new Point(80, 300), new Point(180, 300),
                new Point(200, 500), new Point(300, 500),
                new Point(320, 700), new Point(420, 700),
                new Point(450, 1000), new Point(600, 1000), new Point(600, 0));
        assertThat(curve.endsByItself()).isTrue();
        assertThat(curve.maxUsers()).isEqualTo(1000);
    }

    @ParameterizedTest(name = "at {0} s: {1} users")
    @CsvSource({"0, 0", "5, 50", "10, 100", "70, 200", "179, 300", "435, 850", "599, 1000"})
    void plannedUsersAtATimeFollowTheRamps(double seconds, double users) {
        PlannedCurve curve = PlannedCurve.of(LoadPlan.of(STEPPED), PlannedCurve.horizonFor(STEPPED));

        assertThat(curve.usersAt(seconds)).isCloseTo(users, offset(1e-9));
    }

    @Test
    void aStageTooShortForItsRampEndsWhereTheRampGot() {
        LoadSchedule.Staged shape = new LoadSchedule.Staged(List.of(
                new Stage(Duration.ofSeconds(5), 100, 10),
                new Stage(Duration.ofSeconds(10), 0, 20)), 1);

        PlannedCurve curve = PlannedCurve.of(LoadPlan.of(shape), PlannedCurve.horizonFor(shape));

        assertThat(curve.points()).containsExactly(
                new Point(0, 0), new Point(5, 50), new Point(7.5, 0), new Point(10, 0));
    }

    @Test
    void iterationBoundUsersShowTheirRampAndABitOfTheHold() {
        LoadSchedule.Constant shape = new LoadSchedule.Constant(100, 10, Optional.empty(), OptionalInt.of(1), 1);

        PlannedCurve curve = PlannedCurve.of(LoadPlan.of(shape), PlannedCurve.horizonFor(shape));

        assertThat(curve.points()).containsExactly(new Point(0, 0), new Point(10, 100), new Point(12.5, 100));
        assertThat(curve.endsByItself()).isFalse();
    }

    @Test
    void aScriptShapeIsFollowedTickByTickUntilItEnds() {
        LoadSchedule.Scripted shape = new LoadSchedule.Scripted(
                ShapeScript.compile("def tick(t) { t < 4 ? [20, 10] : (t < 6 ? [10, 5] : null) }"), 1, SCRIPT_LIMIT);

        PlannedCurve curve = PlannedCurve.of(LoadPlan.of(shape), PlannedCurve.horizonFor(shape));

        assertThat(curve.points()).containsExactly(
                new Point(0, 0), new Point(2, 20), new Point(4, 20), new Point(6, 10), new Point(6, 0));
        assertThat(curve.endsByItself()).isTrue();
    }
}
