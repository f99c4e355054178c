package dev.orderflow.jmeter.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.flow.LoadPlanNotice.Point;
import dev.orderflow.jmeter.summary.RunRecorder;

/**
 * A distributed run's controller runs no thread group: its live view draws the plan the engines' groups announced
 * when they started, and the announcement counts as no request.
 */
class LivePlanTest {

    /** Later than any group an earlier test of this JVM started, so only the announced plan is in the run. */
    private static final long RUN_START = System.currentTimeMillis() + 3_600_000;

    private static final LoadPlanNotice STEPPED = new LoadPlanNotice("users", RUN_START + 2_000,
            List.of(new Point(0, 0), new Point(10, 100), new Point(60, 100), new Point(80, 300), new Point(180, 300),
                    new Point(180, 0)),
            true, List.of(new Point(0, 100), new Point(60, 300)));

    @Test
    void theControllerDrawsTheAnnouncedPlanInRunTime() {
        LivePlan plan = LivePlan.since(RUN_START, List.of(STEPPED));

        assertThat(plan.isKnown()).isTrue();
        assertThat(plan.hasGroups()).as("no group runs in this JVM: the engines' samples count the users").isFalse();
        assertThat(plan.usersAt(1)).isZero();
        assertThat(plan.usersAt(7)).isEqualTo(50.0);
        assertThat(plan.usersAt(40)).isEqualTo(100.0);
        assertThat(plan.usersAt(72)).isEqualTo(200.0);
        assertThat(plan.end()).isEqualTo(182.0);
        assertThat(plan.stageStarts()).extracting(stage -> stage[0]).containsExactly(2.0, 62.0);
        assertThat(plan.stageStarts()).extracting(stage -> stage[1]).containsExactly(100.0, 300.0);
    }

    @Test
    void aPlanAnnouncedBeforeTheRunStartedIsNotThisRuns() {
        LivePlan plan = LivePlan.since(RUN_START + 60_000, List.of(STEPPED));

        assertThat(plan.isKnown()).isFalse();
        assertThat(plan.usersAt(10)).isNull();
    }

    @Test
    void theAnnouncementIsNoRequest() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(STEPPED);

        assertThat(recorder.counts().samples()).isZero();
        assertThat(recorder.counts().loads()).as("no load report either").isEmpty();
    }
}
