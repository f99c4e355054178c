package dev.orderflow.testplans.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run against an earlier one: which run it compares with, the figures, and the limits of -Dbaseline. */
class RunComparisonTest {

    private static final BaselineSettings LIMITS = new BaselineSettings("last", 20, 0.9);

    static RunRecord run(String plan, String startedAt, String scale, int engines, Double rps, Double p95,
                         Double success, String verdict) {
        return new RunRecord(plan, startedAt, engines, scale, 100, 10.0, rps, 50.0, p95, success, "–", verdict,
                verdict.equals("pass") ? List.of() : List.of("threshold failed"), null, "http://127.0.0.1:1", null);
    }

    @Test
    void aSlowerP95BeyondTheLimitIsNamedWithBothFiguresAndTheLimit() {
        RunComparison comparison = new RunComparison(
                run("stepped", "20261203-120000", "full", 1, 100.0, 412.0, 99.0, "pass"),
                run("stepped", "20261203-110000", "full", 1, 100.0, 298.0, 100.0, "pass"));

        assertThat(comparison.regressions(LIMITS))
                .containsExactly("p95 412 ms is 38 % above the baseline's 298 ms (limit 20 %)");
        assertThat(comparison.brief()).isEqualTo("req/s ±0.0 %, p95 +38.3 %, success −1.0 pt");
    }

    @Test
    void lessThroughputThanTheRatioAllowsFailsAndWithinBothLimitsNothingDoes() {
        RunRecord baseline = run("test3", "20261203-110000", "full", 1, 111.3, 300.0, 100.0, "pass");

        assertThat(new RunComparison(run("test3", "20261203-120000", "full", 1, 80.1, 300.0, 100.0, "pass"), baseline)
                .regressions(LIMITS))
                .containsExactly("throughput 80.1 req/s is 0.72 of the baseline's 111.3 req/s (limit 0.9)");
        // 19 % slower and 91 % of the throughput: within 20 % and 0.9
        RunComparison within =
                new RunComparison(run("test3", "20261203-120000", "full", 1, 101.3, 357.0, 100.0, "pass"), baseline);
        assertThat(within.regressions(LIMITS)).isEmpty();
        assertThat(within.regressions(new BaselineSettings("last", 10, 0.95))).hasSize(2);
    }

    @Test
    void aFigureEitherRunLacksIsNotComparedAndSaysSo() {
        RunComparison comparison = new RunComparison(
                run("test3", "20261203-120000", "full", 1, null, 300.0, null, "fail"),
                run("test3", "20261203-110000", "full", 1, 100.0, null, 100.0, "pass"));

        assertThat(comparison.regressions(LIMITS)).isEmpty();
        assertThat(comparison.notCompared())
                .containsExactly("p95 (the baseline has none)", "req/s (this run has none)");
        assertThat(comparison.brief()).isEqualTo("req/s –, p95 –, success –");
    }

    @Test
    void onlyEarlierRunsOfTheSamePlanScaleAndEnginesCompareAndLastTakesTheNewestThatPassed() {
        RunRecord now = run("test5", "20261203-120000", "0.05", 4, 50.0, 30.0, 100.0, "pass");
        RunRecord passed = run("test5", "20261203-090000", "0.05", 4, 50.0, 30.0, 100.0, "pass");
        RunRecord failed = run("test5", "20261203-100000", "0.05", 4, 50.0, 30.0, 80.0, "fail");
        List<RunRecord> runs = List.of(
                run("test5", "20261203-110000", "full", 4, 50.0, 30.0, 100.0, "pass"),   // another scale
                run("test5", "20261203-113000", "0.05", 1, 50.0, 30.0, 100.0, "pass"),   // another engine count
                run("test4", "20261203-114000", "0.05", 4, 50.0, 30.0, 100.0, "pass"),   // another plan
                run("test5", "20261203-130000", "0.05", 4, 50.0, 30.0, 100.0, "pass"),   // later
                failed, passed, now);

        assertThat(RunComparison.previous(runs, now)).contains(failed);
        assertThat(RunComparison.lastPassed(runs, now)).contains(passed);
        assertThat(RunComparison.previous(runs, passed)).isEmpty();
    }

    @Test
    void lastWithoutAnEarlierPassedRunIsANoteNotAFailure(@TempDir Path reports) {
        RunRecord first = run("stepped", "20261203-120000", "full", 1, 100.0, 300.0, 100.0, "pass");

        BaselineSettings.Choice choice = LIMITS.choose(first, List.of(), reports.getParent(), reports);

        assertThat(choice.baseline()).isNull();
        assertThat(choice.failure()).isNull();
        assertThat(choice.note())
                .startsWith("-Dbaseline=last: no earlier run of stepped at scale full on 1 engine(s) passed");
    }

    @Test
    void aBaselineFolderIsFoundByItsPathOrItsDateAndMustBeOfTheSamePlan(@TempDir Path root) throws Exception {
        Path reports = root.resolve("reports");
        RunRecord earlier = run("stepped", "20261203-110000", "full", 1, 100.0, 298.0, 100.0, "pass");
        earlier.write(Files.createDirectories(reports.resolve("stepped/20261203-110000")).resolve(RunRecord.FILE_NAME));
        run("test3", "20261203-110000", "full", 1, 100.0, 298.0, 100.0, "pass")
                .write(Files.createDirectories(reports.resolve("test3/20261203-110000")).resolve(RunRecord.FILE_NAME));
        RunRecord now = run("stepped", "20261203-120000", "full", 1, 100.0, 412.0, 100.0, "pass");

        for (String given : List.of("reports/stepped/20261203-110000", "stepped/20261203-110000", "20261203-110000",
                root.resolve("reports/stepped/20261203-110000").toString())) {
            assertThat(new BaselineSettings(given, 20, 0.9).choose(now, List.of(), root, reports).baseline())
                    .as(given).isEqualTo(earlier);
        }
        assertThat(new BaselineSettings("reports/test3/20261203-110000", 20, 0.9).choose(now, List.of(), root, reports)
                .failure()).isEqualTo("-Dbaseline=reports/test3/20261203-110000 is a run of test3 at scale full on 1 "
                        + "engine(s); this run is stepped at scale full on 1 engine(s): they do not compare");
        assertThat(new BaselineSettings("20250101-000000", 20, 0.9).choose(now, List.of(), root, reports).failure())
                .startsWith("-Dbaseline=20250101-000000: no run report there");
    }

    @Test
    void unusableOptionsAreRefusedNamingTheOption() {
        assertThat(BaselineSettings.from(Map.of())).isEqualTo(new BaselineSettings("", 20, 0.9));
        assertThat(BaselineSettings.from(Map.of(BaselineSettings.ENV_BASELINE, " last ",
                BaselineSettings.ENV_MAX_P95_REGRESSION_PCT, "10", BaselineSettings.ENV_MIN_THROUGHPUT_RATIO, "0.8")))
                .isEqualTo(new BaselineSettings("last", 10, 0.8));
        assertThatThrownBy(() -> BaselineSettings.from(Map.of(BaselineSettings.ENV_MAX_P95_REGRESSION_PCT, "20%")))
                .hasMessage("-Dmax_p95_regression_pct=20% is not a number");
        assertThatThrownBy(() -> BaselineSettings.from(Map.of(BaselineSettings.ENV_MAX_P95_REGRESSION_PCT, "-5")))
                .hasMessageStartingWith("-Dmax_p95_regression_pct=-5 is below 0");
        assertThatThrownBy(() -> BaselineSettings.from(Map.of(BaselineSettings.ENV_MIN_THROUGHPUT_RATIO, "90")))
                .hasMessageStartingWith("-Dmin_throughput_ratio=90 is not in (0, 1]");
    }

    @Test
    void aRunFiledBeforeTheRunPageReadsWithoutItsNewFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunRecord.FILE_NAME);
        Files.writeString(file, """
                {"plan":"test3","startedAt":"20261203-094720","engines":1,"scale":"0.05","users":5,"spawnRate":5.0,
                 "requestsPerSecond":20.0,"meanMs":3.5,"p95Ms":8.4,"successRate":100.0,"reconciliation":"ok",
                 "verdict":"pass","failures":[],"dashboard":null,"target":"http://127.0.0.1:1","incomplete":null}
                """);

        RunRecord old = RunRecord.read(file);

        assertThat(old.shape()).isNull();
        assertThat(old.page()).isNull();
        assertThat(old.notes()).isEmpty();
        assertThat(old.p95Ms()).isEqualTo(8.4);
    }
}
