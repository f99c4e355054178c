package dev.orderflow.testplans.run;

import dev.orderflow.testplans.report.BaselineSettings;
import dev.orderflow.testplans.report.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineCheckTest {

    @Test
    void refusesBeforeTheLoadABaselineThatNamesNoRunAndALimitThatIsNoNumber(@TempDir Path root) throws Exception {
        Path reports = root.resolve("reports");
        new RunRecord("stepped", "20261203-110000", 1, "full", 1000, 10.0, 100.0, 50.0, 300.0, 100.0, "–", "pass",
                List.of(), null, "http://127.0.0.1:1", null)
                .write(Files.createDirectories(reports.resolve("stepped/20261203-110000"))
                        .resolve(RunRecord.FILE_NAME));

        assertThat(BaselineCheck.problem(Map.of(), root, reports)).isEmpty();
        assertThat(BaselineCheck.problem(Map.of(BaselineSettings.ENV_BASELINE, "last"), root, root.resolve("none")))
                .isEmpty();
        for (String found : List.of("20261203-110000", "reports/stepped/20261203-110000", "stepped/20261203-110000")) {
            assertThat(BaselineCheck.problem(Map.of(BaselineSettings.ENV_BASELINE, found), root, reports))
                    .as(found).isEmpty();
        }
        assertThat(BaselineCheck.problem(Map.of(BaselineSettings.ENV_BASELINE, "20261203-999999"), root, reports))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("-Dbaseline=20261203-999999 names no run report"));
        assertThat(BaselineCheck.problem(Map.of(BaselineSettings.ENV_MIN_THROUGHPUT_RATIO, "ninety"), root, reports))
                .contains("-Dmin_throughput_ratio=ninety is not a number");
    }
}
