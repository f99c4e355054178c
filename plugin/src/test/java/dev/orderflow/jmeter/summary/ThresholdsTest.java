package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdsTest {

    private static final LabelStats LOGIN = new LabelStats("Log in", 100, 0, 120.0, 100, 200, 250, 400, 900);
    private static final LabelStats ORDER = new LabelStats("Create order", 100, 5, 480.5, 450, 700, 810, 990, 1500);

    /** 1000 attempted, 950 created, 105 of 200 samples failed */
    private static RunCounts counts(long attempted, long created) {
        return new RunCounts(new FunnelCounts(0, 0, attempted, created, 0, 0, new TreeMap<>()), List.of(LOGIN, ORDER),
                200, 5, 1_000, 2_000, 1);
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("success rate met exactly", new ThresholdLimits(95.0, null, null, null, null), 1000, 950,
                        List.of("min_success_rate: limit 95, actual 95 (% of orders attempted that were created) - "
                                + "passed")),
                Arguments.of("success rate missed", new ThresholdLimits(95.0, null, null, null, null), 1000, 949,
                        List.of("min_success_rate: limit 95, actual 94.90 (% of orders attempted that were created) - "
                                + "FAILED")),
                Arguments.of("success rate without attempts", new ThresholdLimits(90.0, null, null, null, null), 0, 0,
                        List.of("min_success_rate: limit 90, actual none (no order was attempted) - FAILED")),
                Arguments.of("error rate", new ThresholdLimits(null, 2.0, null, null, null), 1000, 950,
                        List.of("max_error_rate: limit 2, actual 2.50 (% of samples of all labels that failed) - "
                                + "FAILED")),
                Arguments.of("mean of all labels", new ThresholdLimits(null, null, 480.0, null, null), 1000, 950,
                        List.of("max_mean_ms[Log in]: limit 480, actual 120 - passed",
                                "max_mean_ms[Create order]: limit 480, actual 480.50 - FAILED")),
                Arguments.of("p95 of matching labels",
                        new ThresholdLimits(null, null, null, 810.0, Pattern.compile("Create.*")),
                        1000, 950, List.of("max_p95_ms[Create order]: limit 810, actual 810 - passed")),
                Arguments.of("a pattern matching no label",
                        new ThresholdLimits(null, null, 1.0, null, Pattern.compile("Checkout")),
                        1000, 950,
                        List.of("max_mean_ms[Checkout]: actual none (no sample label matches 'Checkout') - FAILED")),
                Arguments.of("all off", ThresholdLimits.NONE, 1000, 950, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void eachLimitGivesANamedResultWithLimitAndActualValue(String name, ThresholdLimits limits, long attempted,
            long created, List<String> expected) {
        List<ThresholdResult> results = Thresholds.evaluate(limits, counts(attempted, created));

        assertThat(results).extracting(ThresholdResult::describe).containsExactlyElementsOf(expected);
    }

    @Test
    void timeLimitsWithoutAnySampleFailRatherThanPassUnchecked() {
        RunCounts none = RunCounts.EMPTY;

        List<ThresholdResult> results = Thresholds.evaluate(new ThresholdLimits(null, 1.0, null, 100.0, null), none);

        assertThat(results).extracting(ThresholdResult::passed).containsExactly(false, false);
        assertThat(results).extracting(ThresholdResult::detail)
                .containsExactly("no sample was taken", "no sample label matches (no samples)");
    }
}
