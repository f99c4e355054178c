package dev.orderflow.jmeter.threads.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.threads.shape.Target;

class EngineShareTest {

    @ParameterizedTest(name = "{0} users on {1} engines: {2}")
    @CsvSource(delimiter = '|', value = {
            "100   | 4 | 25,25,25,25",
            "10    | 4 | 3,3,2,2",
            "1     | 4 | 1,0,0,0",
            "10000 | 3 | 3334,3333,3333",
            "7     | 1 | 7",
    })
    void usersAreSplitEvenlyWithTheRemainderOnTheLowestEngines(int users, int engines, String shares) {
        List<Integer> actual = IntStream.range(0, engines)
                .map(e -> new EngineShare(e, engines).users(users)).boxed().toList();

        assertThat(actual).containsExactlyElementsOf(
                java.util.Arrays.stream(shares.split(",")).map(Integer::valueOf).toList());
    }

    @ParameterizedTest(name = "{0} users on {1} engines")
    @CsvSource({"100, 4", "10, 4", "1, 4", "1000, 3", "17, 2", "5, 5"})
    void userNumbersOfAllEnginesAreZeroToTotalMinusOneWithNoneTwice(int users, int engines) {
        List<Integer> numbers = new ArrayList<>();
        for (int e = 0; e < engines; e++) {
            EngineShare share = new EngineShare(e, engines);
            for (int slot = 0; slot < share.users(users); slot++) {
                numbers.add(share.userNumber(slot));
            }
        }

        assertThat(numbers).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, users).boxed().toList());
    }

    @Test
    void theSpawnRateIsSplitSoTheClusterSpawnsAtTheShapesRate() {
        assertThat(new EngineShare(2, 4).of(new Target(100, 10))).isEqualTo(new Target(25, 2.5));
        assertThat(EngineShare.SINGLE.of(new Target(100, 10))).isEqualTo(new Target(100, 10));
    }

    @Test
    void anEngineOutsideItsClusterIsRefused() {
        assertThatThrownBy(() -> new EngineShare(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineShare(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
