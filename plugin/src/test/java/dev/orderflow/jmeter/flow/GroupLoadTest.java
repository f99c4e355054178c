package dev.orderflow.jmeter.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A thread group's account holds only when its shape ran to its end and every planned user did what it was told. */
class GroupLoadTest {

    private static GroupLoad load(int planned, int reached, int iterationsPerUser, int finished) {
        return new GroupLoad("users", 0, 1, planned, reached, true, null, 600, 1_700_000_000_000L,
                List.of(new PlannedStage(planned, 0, 10, 600, 10)), iterationsPerUser, finished);
    }

    @Test
    void usersThatRanTheirOneIterationHold() {
        GroupLoad load = load(500, 500, 1, 500);

        assertThat(load.held()).isTrue();
        assertThat(load.describe()).isEqualTo("group 'users': the shape ran to its end in 600.0 s, 500 of 500 planned"
                + " users ran");
    }

    @Test
    void usersStoppedInTheirIterationByTheRunTimeDoNotHold() {
        GroupLoad load = load(500, 500, 1, 312);

        assertThat(load.held()).isFalse();
        assertThat(load.describe()).isEqualTo("group 'users': the shape ran to its end in 600.0 s but only 312 of 500"
                + " planned users ran their 1 iteration; the others were stopped in one");
    }

    @Test
    void usersThatLoopUntilTheShapeEndsAreNotCountedByIterations() {
        assertThat(load(500, 500, 0, 0).held()).isTrue();
        assertThat(load(500, 499, 0, 0).held()).isFalse();
    }
}
