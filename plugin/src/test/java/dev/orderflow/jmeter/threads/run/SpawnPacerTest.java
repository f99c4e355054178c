package dev.orderflow.jmeter.threads.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpawnPacerTest {

    private static final long MS = 1_000_000;

    /** Drives a pacer the way the run does: wake when it says, start what it says, count what was started. */
    private static List<Long> startTimes(int wanted, double rate, long lateBy) {
        SpawnPacer pacer = new SpawnPacer();
        List<Long> starts = new ArrayList<>();
        long now = 0;
        while (starts.size() < wanted) {
            SpawnPacer.Step step = pacer.step(now, wanted, starts.size(), rate);
            for (int i = 0; i < step.starts(); i++) {
                starts.add(now);
            }
            if (step.wakeAt() == SpawnPacer.NEVER) {
                break;
            }
            now = step.wakeAt() + lateBy;
        }
        return starts;
    }

    @ParameterizedTest(name = "{0} users at {1}/s: user k at k × {2} ms")
    @CsvSource({
            "10,   10,   100",
            "100,  1000, 1",
            "5,    0.5,  2000",
            "300,  40,   25",
    })
    void usersStartEvenlySpacedAtTheSpawnRate(int users, double rate, long intervalMs) {
        List<Long> starts = startTimes(users, rate, 0);

        assertThat(starts).hasSize(users);
        for (int k = 0; k < users; k++) {
            assertThat(starts.get(k)).isEqualTo(k * intervalMs * MS);
        }
    }

    @Test
    void aLateWakeUpStartsTheUsersThatFellDueSoTheRateHoldsOnAverage() {
        // Woken 35 ms late every time at 100 users/s (one due every 10 ms).
        List<Long> starts = startTimes(100, 100, 35 * MS);

        assertThat(starts).hasSize(100);
        // The last user is due at 990 ms; one late wake-up later all have started.
        assertThat(starts.get(99)).isBetween(990 * MS, 1030 * MS);
        // Never more than the users that fell due: 4 per 45 ms wake-up, not a burst.
        long maxAtOnce = starts.stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(maxAtOnce).isLessThanOrEqualTo(5);
    }

    @ParameterizedTest(name = "{0}: wanted {1}, current {2} at t={3} ms -> start {4}, retire {5}, wake {6}")
    @CsvSource({
            // case, wanted, current, now ms, starts, retires, wake ms (-1 = never)
            "first user of a ramp starts at once,       10, 0,  0,   1, 0, 100",
            "nothing to do when on target,              10, 10, 0,   0, 0, -1",
            "surplus users retire at the rate,          5,  10, 0,   0, 1, 100",
    })
    void oneStepFromAStandstill(String name, int wanted, int current, long nowMs, int starts, int retires,
                                long wakeMs) {
        SpawnPacer.Step step = new SpawnPacer().step(nowMs * MS, wanted, current, 10);

        assertThat(step.starts()).isEqualTo(starts);
        assertThat(step.retires()).isEqualTo(retires);
        assertThat(step.wakeAt()).isEqualTo(wakeMs < 0 ? SpawnPacer.NEVER : wakeMs * MS);
    }

    @Test
    void aRampThatCarriesOverAStageBoundaryKeepsItsSpacing() {
        SpawnPacer pacer = new SpawnPacer();
        assertThat(pacer.step(0, 10, 0, 10).starts()).isEqualTo(1);
        // The stage changes at 50 ms (target rises); the next user is still due at 100 ms, not now.
        SpawnPacer.Step atBoundary = pacer.step(50 * MS, 20, 1, 10);
        assertThat(atBoundary.starts()).isZero();
        assertThat(atBoundary.wakeAt()).isEqualTo(100 * MS);
    }

    @Test
    void goingFromRampingUpToDownRestartsThePacing() {
        SpawnPacer pacer = new SpawnPacer();
        pacer.step(0, 10, 0, 10);
        SpawnPacer.Step down = pacer.step(20 * MS, 0, 1, 10);
        assertThat(down.retires()).isEqualTo(1);
        assertThat(down.wakeAt()).isEqualTo(SpawnPacer.NEVER);
        SpawnPacer.Step upAgain = pacer.step(30 * MS, 3, 0, 10);
        assertThat(upAgain.starts()).isEqualTo(1);
        assertThat(upAgain.wakeAt()).isEqualTo(130 * MS);
    }
}
