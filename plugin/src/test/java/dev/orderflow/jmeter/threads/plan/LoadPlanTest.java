package dev.orderflow.jmeter.threads.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.threads.shape.Durations;
import dev.orderflow.jmeter.threads.shape.LoadSchedule;
import dev.orderflow.jmeter.threads.shape.ShapeScript;
import dev.orderflow.jmeter.threads.shape.Stage;
import dev.orderflow.jmeter.threads.shape.Target;

class LoadPlanTest {

    /** Generous: these scripts return at once, and a loaded machine must not fail them. */
    private static final Duration SCRIPT_LIMIT = Duration.ofSeconds(10);

    private static final LoadSchedule STEPPED = new LoadSchedule.Staged(List.of(
            new Stage(Duration.ofSeconds(60), 100, 10),
            new Stage(Duration.ofSeconds(180), 300, 10),
            new Stage(Duration.ofSeconds(300), 500, 10),
            new Stage(Duration.ofSeconds(420), 700, 10),
            new Stage(Duration.ofSeconds(600), 1000, 20)), 1);

    @ParameterizedTest(name = "at {0} s: {1} users at {2}/s, next change at {3} s")
    @CsvSource(nullValues = "null", value = {
            "0,      100,  10,   60",
            "59.999, 100,  10,   60",
            "60,     300,  10,   180",
            "299,    500,  10,   300",
            "420,    1000, 20,   600",
            "599.9,  1000, 20,   600",
    })
    void stagesHoldTheirTargetUntilTheirEnd(double at, int users, double rate, double nextChange) {
        LoadPlan plan = LoadPlan.of(STEPPED);
        Duration t = Durations.ofSeconds(at);

        assertThat(plan.targetAt(t)).contains(new Target(users, rate));
        assertThat(plan.nextChangeAfter(t)).contains(Durations.ofSeconds(nextChange));
    }

    @Test
    void theTestEndsWithTheLastStage() {
        LoadPlan plan = LoadPlan.of(STEPPED);

        assertThat(plan.targetAt(Duration.ofSeconds(600))).isEmpty();
        assertThat(plan.nextChangeAfter(Duration.ofSeconds(600))).isEmpty();
        assertThat(plan.plannedEnd()).contains(Duration.ofSeconds(600));
    }

    @Test
    void usersWithARunTimeEndWithIt() {
        LoadPlan plan = LoadPlan.of(
                new LoadSchedule.Constant(50, 5, Optional.of(Duration.ofSeconds(30)), OptionalInt.empty(), 1));

        assertThat(plan.targetAt(Duration.ofSeconds(29))).contains(new Target(50, 5));
        assertThat(plan.targetAt(Duration.ofSeconds(30))).isEmpty();
        assertThat(plan.plannedEnd()).contains(Duration.ofSeconds(30));
    }

    @Test
    void usersWithIterationsAndNoRunTimeHaveNoPlannedEnd() {
        LoadPlan plan = LoadPlan.of(new LoadSchedule.Constant(50, 5, Optional.empty(), OptionalInt.of(1), 1));

        assertThat(plan.targetAt(Duration.ofDays(1))).contains(new Target(50, 5));
        assertThat(plan.nextChangeAfter(Duration.ZERO)).isEmpty();
        assertThat(plan.plannedEnd()).isEmpty();
    }

    @Test
    void aScriptIsAskedOncePerTickWithTheShapeTimeAndItsRatesFollowTheTimeScale() {
        ShapeScript script = ShapeScript.compile("""
                asked = []
                def tick(t) {
                    asked << t
                    if (t >= 3) return null
                    [(int) (10 * (t + 1)), 5]
                }
                """);
        LoadPlan plan = LoadPlan.of(new LoadSchedule.Scripted(script, 0.5, SCRIPT_LIMIT));

        assertThat(plan.targetAt(Duration.ZERO)).contains(new Target(10, 10));
        assertThat(plan.targetAt(Duration.ofMillis(499))).contains(new Target(10, 10));
        assertThat(plan.nextChangeAfter(Duration.ofMillis(499))).contains(Duration.ofMillis(500));
        assertThat(plan.targetAt(Duration.ofMillis(500))).contains(new Target(20, 10));
        // A late caller is told about the present (tick 3, shape time 3: the end); tick 2 is skipped.
        assertThat(plan.targetAt(Duration.ofMillis(1700))).isEmpty();
        assertThat(plan.nextChangeAfter(Duration.ofMillis(1700))).isEmpty();
        // Once ended, for good.
        assertThat(plan.targetAt(Duration.ofMillis(2200))).isEmpty();
        assertThat(plan.plannedEnd()).isEmpty();
    }

    @Test
    void aScriptsAnswerAtATickHoldsUntilTheNextTick() {
        ShapeScript script = ShapeScript.compile("def tick(t) { [(int) t, 1] }");
        LoadPlan plan = LoadPlan.of(new LoadSchedule.Scripted(script, 1, SCRIPT_LIMIT));

        assertThat(plan.targetAt(Duration.ofMillis(2999))).contains(new Target(2, 1));
        assertThat(plan.targetAt(Duration.ofMillis(2000))).contains(new Target(2, 1));
        assertThat(plan.targetAt(Duration.ofMillis(3000))).contains(new Target(3, 1));
    }
}
