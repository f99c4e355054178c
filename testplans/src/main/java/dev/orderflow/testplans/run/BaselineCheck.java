package dev.orderflow.testplans.run;

import dev.orderflow.testplans.report.BaselineSettings;
import dev.orderflow.testplans.report.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Build step before any plan runs: refuses {@code -Dbaseline}, {@code -Dmax_p95_regression_pct} or
 * {@code -Dmin_throughput_ratio} values that cannot be used, so that a mistyped option fails the build at once
 * rather than after the load. {@code -Dbaseline=last} is always accepted: a plan's first run has no baseline and
 * passes with a note.
 *
 * <p>Usage: {@code BaselineCheck <repository root> <reports dir>}, the options in the environment.
 */
public final class BaselineCheck {

    private BaselineCheck() {
    }

    public static void main(String[] args) throws IOException {
        Optional<String> problem = problem(System.getenv(), Path.of(args[0]), Path.of(args[1]));
        if (problem.isPresent()) {
            System.err.println("orderflow: " + problem.get());
            System.exit(1);
        }
    }

    static Optional<String> problem(Map<String, String> environment, Path root, Path reports) throws IOException {
        BaselineSettings settings;
        try {
            settings = BaselineSettings.from(environment);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String baseline = settings.baseline();
        if (!settings.requested() || baseline.equals("last")
                || filed(root.resolve(baseline)) || filed(reports.resolve(baseline))) {
            return Optional.empty();
        }
        if (Files.isDirectory(reports)) {
            try (Stream<Path> plans = Files.list(reports)) {
                if (plans.anyMatch(plan -> filed(plan.resolve(baseline)))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("-Dbaseline=" + baseline + " names no run report: give last, or a run's folder such as "
                + "reports/stepped/20261203-114820 (or its date alone), one that holds a " + RunRecord.FILE_NAME);
    }

    private static boolean filed(Path folder) {
        return Files.isRegularFile(folder.resolve(RunRecord.FILE_NAME));
    }
}
