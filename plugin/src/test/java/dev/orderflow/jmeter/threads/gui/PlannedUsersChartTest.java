package dev.orderflow.jmeter.threads.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The preview chart's axes: ticks at values a person reads at a glance. */
class PlannedUsersChartTest {

    @Test
    void usersAreTickedInStepsOfOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(PlannedUsersChart.userTicks(1000, 5)).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
        assertThat(PlannedUsersChart.userTicks(10, 4)).containsExactly(0.0, 5.0, 10.0);
        assertThat(PlannedUsersChart.userTicks(3, 6)).containsExactly(0.0, 1.0, 2.0, 3.0);
    }

    @Test
    void timeIsTickedInClockSteps() {
        assertThat(PlannedUsersChart.timeTicks(600, 8)).containsExactly(0.0, 120.0, 240.0, 360.0, 480.0, 600.0);
        assertThat(PlannedUsersChart.timeTicks(45, 6)).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
        assertThat(PlannedUsersChart.clock(120)).isEqualTo("2:00");
    }
}
