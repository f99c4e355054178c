package dev.orderflow.jmeter.threads.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.plan.LoadPlan;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

class ShapeParserTest {

    static ShapeSettings users(String users, String rate, String runTime, String iterations, String timeScale) {
        return new ShapeSettings("users", users, rate, runTime, iterations, List.of(), "", timeScale, "1");
    }

    static ShapeSettings stages(String timeScale, StageText... rows) {
        return new ShapeSettings("stages", "", "", "", "", List.of(rows), "", timeScale, "1");
    }

    static StageText row(String until, String users, String rate) {
        return new StageText(until, users, rate);
    }

    @ParameterizedTest(name = "users={0} rate={1} runTime={2} iterations={3} scale={4}")
    @CsvSource(nullValues = "null", value = {
            // users, rate, run time, iterations, scale -> users, rate, run time s, iterations
            "100,  10,   60,   '',   1,    100, 10,   60,   null",
            "100,  10,   '',   1,    1,    100, 10,   null, 1",
            "100,  10,   60,   3,    1,    100, 10,   60,   3",
            "1000, 100,  600,  -1,   0.05, 1000, 2000, 30,  null",
            "0,    0,    5,    '',   1,    0,   1,    5,    null",
            "' 7 ', 2.5, 1.5,  '',   1,    7,   2.5,  1.5,  null",
    })
    void usersShapeReadsUsersRateRunTimeAndIterationsScaledByTheTimeScale(
            String users, String rate, String runTime, String iterations, String scale,
            int expectedUsers, double expectedRate, Double expectedSeconds, Integer expectedIterations) {
        LoadSchedule schedule = ShapeParser.parse(users(users, rate, runTime, iterations, scale));

        assertThat(schedule).isInstanceOf(LoadSchedule.Constant.class);
        LoadSchedule.Constant constant = (LoadSchedule.Constant) schedule;
        assertThat(constant.users()).isEqualTo(expectedUsers);
        assertThat(constant.spawnRate()).isCloseTo(expectedRate, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(constant.runTime()).isEqualTo(Optional.ofNullable(expectedSeconds).map(Durations::ofSeconds));
        assertThat(constant.iterations())
                .isEqualTo(expectedIterations == null ? OptionalInt.empty() : OptionalInt.of(expectedIterations));
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource({
            "-5,  10, 60, '',  1,   'Users: must be a whole number of 0 or more, got ''-5'''",
            "2.5, 10, 60, '',  1,   'Users: must be a whole number of 0 or more, got ''2.5'''",
            "ten, 10, 60, '',  1,   'Users: must be a number, got ''ten'''",
            "'',  10, 60, '',  1,   'Users: is empty'",
            "100, 0,  60, '',  1,   'Spawn rate (users/s): must be more than 0 users/s to start 100 users, got ''0'''",
            "100, -1, 60, '',  1,   'Spawn rate (users/s): must be more than 0 users/s to start 100 users, got ''-1'''",
            "100, 10, 0,  '',  1,   'Run time (s): must be more than 0 seconds, or empty, got ''0'''",
            "100, 10, '', '',  1,"
                    + "   'Run time (s): give a run time, or a number of iterations per user (Iterations per user)'",
            "100, 10, '', 0,   1,   'Iterations per user: must be a whole number of 1 or more,"
                    + " or empty to loop until the run time, got ''0'''",
            "100, 10, 60, '',  0,   'Time scale: must be more than 0, got ''0'''",
            "100, 10, 60, '',  '',  'Time scale: is empty'",
            "'${__P(users)}', 10, 60, '', 1, 'Users: ''${__P(users)}'' could not be evaluated'",
            "2000000, 10, 60, '', 1, 'Users: must be at most 1000000, got ''2000000'''",
    })
    void usersShapeRefusesBadFieldsNamingTheField(String users, String rate, String runTime, String iterations,
                                                  String scale, String message) {
        assertThatThrownBy(() -> ShapeParser.parse(users(users, rate, runTime, iterations, scale)))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessage(message);
    }

    @Test
    void steppedSeedShapeBecomesFiveStagesAndTheTimeScaleCompressesTimesAndRaisesRates() {
        StageText[] seed = OrderFlowThreadGroupSchema.SEED_STAGES.stream()
                .map(r -> row(r.get(0), r.get(1), r.get(2))).toArray(StageText[]::new);

        LoadSchedule.Staged full = (LoadSchedule.Staged) ShapeParser.parse(stages("1", seed));
        LoadSchedule.Staged ci = (LoadSchedule.Staged) ShapeParser.parse(stages("0.05", seed));

        assertThat(full.stages()).containsExactly(
                new Stage(Duration.ofSeconds(60), 100, 10),
                new Stage(Duration.ofSeconds(180), 300, 10),
                new Stage(Duration.ofSeconds(300), 500, 10),
                new Stage(Duration.ofSeconds(420), 700, 10),
                new Stage(Duration.ofSeconds(600), 1000, 10));
        assertThat(ci.stages()).extracting(Stage::until).containsExactly(
                Duration.ofSeconds(3), Duration.ofSeconds(9), Duration.ofSeconds(15), Duration.ofSeconds(21),
                Duration.ofSeconds(30));
        assertThat(ci.stages()).extracting(Stage::users).containsExactly(100, 300, 500, 700, 1000);
        assertThat(ci.stages()).allSatisfy(stage ->
                assertThat(stage.spawnRate()).isCloseTo(200, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "60,100,10 ; 30,200,10   | Stages row 2: until 30 s must be later than row 1's 60 s; rows go in time order",
            "60,100,10 ; 60,200,10   | Stages row 2: until 60 s must be later than row 1's 60 s; rows go in time order",
            "0,100,10                | Stages row 1: until must be more than 0 s, got '0'",
            "60,100,10 ; 120,-3,10   | Stages row 2 users: must be a whole number of 0 or more, got '-3'",
            "60,100,0                | Stages row 1 spawn rate: must be more than 0 users/s, got '0'",
            "60,100,x                | Stages row 1 spawn rate: must be a number, got 'x'",
            "soon,100,1              | Stages row 1 until (s): must be a number, got 'soon'",
    })
    void stagesOutOfOrderOrWithBadCellsAreRefusedNamingTheRow(String rows, String message) {
        StageText[] parsed = java.util.Arrays.stream(rows.split(";"))
                .map(String::trim).map(r -> r.split(",", -1)).map(c -> row(c[0], c[1], c[2]))
                .toArray(StageText[]::new);

        assertThatThrownBy(() -> ShapeParser.parse(stages("1", parsed)))
                .isInstanceOf(ShapeDefinitionException.class)
                .hasMessage(message);
    }

    @Test
    void anEmptyStagesTableIsRefused() {
        assertThatThrownBy(() -> ShapeParser.parse(stages("1")))
                .hasMessage("Stages: add at least one row: until (s), users, spawn rate");
    }

    @Test
    void anUnknownShapeIsRefused() {
        ShapeSettings settings = new ShapeSettings("waves", "1", "1", "1", "", List.of(), "", "1", "1");
        assertThatThrownBy(() -> ShapeParser.parse(settings))
                .hasMessage("Load shape: must be one of users, stages, script; got 'waves'");
    }

    @Test
    void aScriptShapeIsCompiledAndAskedOnceBeforeTheRun() {
        ShapeSettings settings = new ShapeSettings("script", "", "", "", "", List.of(),
                "def tick(t) { t < 10 ? [5, 1] : null }", "2", "1");

        LoadSchedule.Scripted scripted = (LoadSchedule.Scripted) ShapeParser.parse(settings);

        assertThat(scripted.tickInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(scripted.describe()).contains("shape script").contains("time scale 2.0");
    }

    @Test
    void aScriptReturningNonsenseAtTheStartRefusesToStart() {
        ShapeSettings settings = new ShapeSettings("script", "", "", "", "", List.of(),
                "def tick(t) { [-1, 5] }", "1", "1");

        assertThatThrownBy(() -> ShapeParser.parse(settings))
                .hasMessage("Shape script: tick(0.0) returned [-1, 5]: users must be a whole number from 0 to 1000000");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "10, 10", "2.5, 2.5"})
    void stopGraceIsZeroOrMoreSeconds(String text, double seconds) {
        assertThat(ShapeParser.stopGrace(text)).isEqualTo(Durations.ofSeconds(seconds));
    }

    @Test
    void aNegativeStopGraceIsRefused() {
        assertThatThrownBy(() -> ShapeParser.stopGrace("-1"))
                .hasMessage("Stop grace period (s): must be 0 or more seconds, got '-1'");
    }

    @Test
    void descriptionsSayWhatWillRun() {
        assertThat(ShapeParser.parse(users("100", "10", "60", "", "1")).describe())
                .isEqualTo("100 users at 10/s for 60.0 s");
        assertThat(ShapeParser.parse(users("100", "2.5", "", "1", "0.5")).describe())
                .isEqualTo("100 users at 5/s, 1 iterations each (time scale 0.5)");
        assertThat(ShapeParser.parse(stages("1", row("60", "100", "10"))).describe())
                .isEqualTo("stages [100 users until 60.0 s at 10/s]");
    }

    @ParameterizedTest(name = "{0} users at scale {1} -> {2}")
    @CsvSource({
            // the plans' CI scale, rounded half up as their expressions rounded
            "1000, 0.05, 50",
            "100,  0.05, 5",
            "10,   0.05, 1",
            "10,   0.25, 3",
            "30,   0.05, 2",
            "1,    0.01, 1",
            "0,    0.05, 0",
            "100,  2,    200",
    })
    void theRunsScaleScalesUsersHalfUpKeepingAtLeastOneAndNoneForNone(int written, double scale, int expected) {
        LoadSchedule.Constant constant = (LoadSchedule.Constant) ShapeParser.parse(
                users(Integer.toString(written), "10", "60", "", "1"), new LoadScale(scale, 1));

        assertThat(constant.users()).isEqualTo(expected);
        assertThat(constant.spawnRate()).isCloseTo(10 * scale, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(constant.runTime()).contains(Duration.ofSeconds(60));
    }

    @Test
    void theRunsTimescaleMultipliesTheGroupsOwnAndStageUsersAndRatesFollowTheScale() {
        StageText[] seed = OrderFlowThreadGroupSchema.SEED_STAGES.stream()
                .map(r -> row(r.get(0), r.get(1), r.get(2))).toArray(StageText[]::new);

        // what `-Dplan=stepped -Dscale=0.1 -Dtimescale=0.05` runs, from the plan's plain numbers
        LoadSchedule.Staged run = (LoadSchedule.Staged) ShapeParser.parse(stages("1", seed), new LoadScale(0.1, 0.05));
        LoadSchedule.Staged halfTimed =
                (LoadSchedule.Staged) ShapeParser.parse(stages("0.5", seed), new LoadScale(1, 0.5));

        assertThat(run.stages()).extracting(Stage::until).containsExactly(
                Duration.ofSeconds(3), Duration.ofSeconds(9), Duration.ofSeconds(15), Duration.ofSeconds(21),
                Duration.ofSeconds(30));
        assertThat(run.stages()).extracting(Stage::users).containsExactly(10, 30, 50, 70, 100);
        // 10/s at a tenth of the users, twenty times as fast: 20/s
        assertThat(run.stages()).allSatisfy(stage ->
                assertThat(stage.spawnRate()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(halfTimed.stages().get(4).until()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void theRunsTimescaleLeavesTheUsersShapesRunTimeAndRateAsWritten() {
        LoadSchedule.Constant constant = (LoadSchedule.Constant) ShapeParser.parse(
                users("100", "10", "20", "", "1"), new LoadScale(0.05, 0.05));

        assertThat(constant.runTime()).contains(Duration.ofSeconds(20));
        assertThat(constant.spawnRate()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(constant.users()).isEqualTo(5);
    }

    @Test
    void aScriptsAnswersAreScaledAsWrittenNumbersAre() {
        ShapeSettings settings = new ShapeSettings("script", "", "", "", "", List.of(),
                "def tick(t) { t < 10 ? [100, 10] : null }", "1", "1");

        LoadPlan plan = LoadPlan.of(ShapeParser.parse(settings, new LoadScale(0.05, 1)));

        assertThat(plan.targetAt(Duration.ZERO)).contains(new Target(5, 0.5));
    }

    @Test
    void theScaleIsWrittenNumbersCheckedFirstAndTooManyUsersAtAScaleAreRefused() {
        assertThatThrownBy(() -> ShapeParser.parse(users("-5", "10", "60", "", "1"), new LoadScale(0.05, 1)))
                .hasMessage("Users: must be a whole number of 0 or more, got '-5'");
        assertThatThrownBy(() -> ShapeParser.parse(users("600000", "10", "60", "", "1"), new LoadScale(2, 1)))
                .hasMessageStartingWith("Users: must be at most " + ShapeParser.MAX_USERS + " at scale 2, got 600000");
    }
}
