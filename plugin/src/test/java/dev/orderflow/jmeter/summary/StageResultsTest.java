package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.PlannedStage;

/** Per-stage results: samples cut into each stage's ramp and plateau, each plateau judged, and the capacity answer. */
class StageResultsTest {

    private static final long START = 1_700_000_000_000L;
    private static final ThresholdLimits P95_UNDER_1000 = new ThresholdLimits(null, 1.0, null, 1000.0, null);

    @Test
    void samplesFallIntoTheRampOrThePlateauOfTheirStageByTheirEndTime() {
        RunRecorder recorder = new RunRecorder();
        // stage 1: 0-10 s, 100 users reached at 2 s; stage 2: 10-20 s, 300 users reached at 14 s
        recorder.record(new LoadReport(load(new PlannedStage(100, 0, 2, 10), new PlannedStage(300, 10, 14, 20))));
        orders(recorder, 1, 4, 100, true);   // ramp of stage 1
        orders(recorder, 5, 10, 200, true);  // plateau of stage 1
        orders(recorder, 11, 3, 900, true);  // ramp of stage 2
        orders(recorder, 16, 10, 1300, false); // plateau of stage 2: slow, and half of its samples fail

        List<StagePhase> phases = recorder.counts().stagePhases();

        assertThat(phases).extracting(StagePhase::stage, StagePhase::ramp, StagePhase::users).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, true, 100), org.assertj.core.groups.Tuple.tuple(1, false, 100),
                org.assertj.core.groups.Tuple.tuple(2, true, 300), org.assertj.core.groups.Tuple.tuple(2, false, 300));
        assertThat(phases).extracting(phase -> phase.span().samples()).containsExactly(8L, 20L, 6L, 20L);
        assertThat(phases.get(1).span().p95Ms()).isEqualTo(200);
        assertThat(phases.get(1).span().ordersCreated()).isEqualTo(10);
        assertThat(phases.get(1).ordersPerSecond()).isEqualTo(10 / 8.0);
        assertThat(phases.get(3).span().errorRatePct()).isEqualTo(50.0);
        assertThat(phases.get(3).span().p95Ms()).isBetween(1290L, 1310L);

        List<StageResult> judged = StageResult.judge(phases, P95_UNDER_1000);
        assertThat(judged).extracting(StageResult::held).containsExactly(null, true, null, false);
        assertThat(StageTable.capacity(judged))
                .matches("held 100 users: p95 200 ms, 0\\.0 % errors; failed at 300 users: "
                        + "p95 1 [23]\\d\\d ms > 1 000 ms, errors 50\\.0 % > 1\\.0 %");
    }

    @Test
    void aRunThatHeldEveryStageSaysUpToWhere() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(new LoadReport(load(new PlannedStage(5, 0, 1, 4), new PlannedStage(10, 4, 5, 8))));
        orders(recorder, 2, 5, 50, true);
        orders(recorder, 6, 5, 60, true);

        List<StageResult> judged = StageResult.judge(recorder.counts().stagePhases(), P95_UNDER_1000);

        assertThat(StageTable.capacity(judged)).isEqualTo("held every stage, up to 10 users: p95 60 ms, 0.0 % errors");
        assertThat(StageTable.text(judged)).contains("plateau").contains("Capacity: held every stage, up to 10 users");
    }

    @Test
    void aSingleStageShapeHasNoStageTable() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(new LoadReport(load(new PlannedStage(5, 0, 1, 4))));
        orders(recorder, 2, 5, 50, true);

        assertThat(recorder.counts().stagePhases()).isEmpty();
    }

    private static GroupLoad load(PlannedStage... stages) {
        double end = stages[stages.length - 1].untilSeconds();
        return new GroupLoad("users", 0, 1, 300, 300, true, null, end, START, List.of(stages), 0, 0);
    }

    @Test
    void aPhasesSuccessRateCountsTheAttemptsThatEndedInItNotThoseThatStarted() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(new LoadReport(load(new PlannedStage(5, 0, 1, 4), new PlannedStage(10, 4, 5, 8))));
        for (int i = 0; i < 4; i++) { // started in stage 1's plateau, created in stage 2's ramp
            OrderFlowSampleResult start = sample(FlowStep.PRODUCTS, true, START + 3_800 + i, 10);
            start.setAttemptStart(true);
            recorder.record(start);
            recorder.record(sample(FlowStep.ORDER, true, START + 4_100, 20));
        }
        OrderFlowSampleResult givenUp =
                sample(FlowStep.CART, false, START + 4_200, 10); // started and failed in the ramp
        givenUp.setAttemptStart(true);
        recorder.record(givenUp);

        List<StagePhase> phases = recorder.counts().stagePhases();

        assertThat(phases.get(1).span().ordersAttempted()).isEqualTo(4);
        assertThat(phases.get(1).span().successRatePct()).as("no attempt of stage 1's plateau ended there").isNull();
        assertThat(phases.get(2).span().ordersAttempted()).isEqualTo(1);
        assertThat(phases.get(2).span().ordersEnded()).isEqualTo(5);
        assertThat(phases.get(2).span().successRatePct()).isEqualTo(80.0);
    }

    /** {@code n} order samples ending within the second {@code second} of the run, each {@code elapsed} long. */
    private static void orders(RunRecorder recorder, int second, int n, long elapsed, boolean created) {
        for (int i = 0; i < n; i++) {
            long end = START + second * 1000L + 100 + i;
            OrderFlowSampleResult attempt = sample(FlowStep.PRODUCTS, true, end - 10, 10);
            attempt.setAttemptStart(true);
            recorder.record(attempt);
            recorder.record(sample(FlowStep.ORDER, created, end - elapsed, elapsed));
        }
    }

    private static OrderFlowSampleResult sample(FlowStep step, boolean successful, long startMs, long elapsedMs) {
        OrderFlowSampleResult sample = new OrderFlowSampleResult(step);
        sample.setSampleLabel(step.name());
        sample.setSuccessful(successful);
        sample.setResponseCode(successful ? "200" : "409");
        FlowSamples.times(sample, startMs, elapsedMs);
        return sample;
    }
}
