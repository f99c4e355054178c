package dev.orderflow.testplans.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbaseline}, {@code -Dmax_p95_regression_pct} and {@code -Dmin_throughput_ratio}: which earlier run a run
 * is held against, and how much worse it may get. The build hands them to its steps in the environment
 * ({@link #ENV_BASELINE} …), so that the properties block of testplans/pom.xml is all that names them.
 *
 * @param baseline            empty: no comparison; {@code last}: the last comparable run that passed; else a run
 *                            folder ({@code reports/stepped/20261203-114820}, or only its date when one plan runs)
 * @param maxP95RegressionPct how much higher the p95 may be than the baseline's, percent
 * @param minThroughputRatio  the least fraction of the baseline's requests per second the run must reach
 */
public record BaselineSettings(String baseline, double maxP95RegressionPct, double minThroughputRatio) {

    public static final String ENV_BASELINE = "ORDERFLOW_BASELINE";
    public static final String ENV_MAX_P95_REGRESSION_PCT = "ORDERFLOW_MAX_P95_REGRESSION_PCT";
    public static final String ENV_MIN_THROUGHPUT_RATIO = "ORDERFLOW_MIN_THROUGHPUT_RATIO";
    static final double DEFAULT_MAX_P95_REGRESSION_PCT = 20;
    static final double DEFAULT_MIN_THROUGHPUT_RATIO = 0.9;
    static final String LAST = "last";
    public static final BaselineSettings NONE = new BaselineSettings("", DEFAULT_MAX_P95_REGRESSION_PCT,
            DEFAULT_MIN_THROUGHPUT_RATIO);

    /** Reads the settings; refuses a value that cannot be used, naming the option. */
    public static BaselineSettings from(Map<String, String> environment) {
        String baseline = environment.getOrDefault(ENV_BASELINE, "").trim();
        double p95 = number(environment, ENV_MAX_P95_REGRESSION_PCT, "max_p95_regression_pct",
                DEFAULT_MAX_P95_REGRESSION_PCT);
        double ratio = number(environment, ENV_MIN_THROUGHPUT_RATIO, "min_throughput_ratio",
                DEFAULT_MIN_THROUGHPUT_RATIO);
        if (p95 < 0) {
            throw new IllegalArgumentException("-Dmax_p95_regression_pct=" + plain(p95)
                    + " is below 0: it is how many percent above the baseline's p95 a run's may be, e.g. 20");
        }
        if (ratio <= 0 || ratio > 1) {
            throw new IllegalArgumentException("-Dmin_throughput_ratio=" + plain(ratio)
                    + " is not in (0, 1]: it is the least fraction of the baseline's req/s a run must reach, e.g. 0.9");
        }
        return new BaselineSettings(baseline, p95, ratio);
    }

    public boolean requested() {
        return !baseline.isEmpty();
    }

    /** What {@code -Dbaseline} led to for one run: the run to compare with, or why there is none. */
    public record Choice(RunRecord baseline, String note, String failure) {
        static Choice of(RunRecord baseline) {
            return new Choice(baseline, null, null);
        }

        static Choice note(String note) {
            return new Choice(null, note, null);
        }

        static Choice failure(String failure) {
            return new Choice(null, null, failure);
        }
    }

    /**
     * The baseline of {@code run}: with {@code last} the newest earlier run of the plan at the same scale and
     * engines that passed (none yet: a note, the run passes); with a folder the run filed there, which must be
     * of the same plan, scale and engines (a folder without a run, or another plan's: a failure).
     *
     * @param root    the folder a relative {@code -Dbaseline} path is read from first (the repository)
     * @param reports reports/, where the runs are filed
     * @param runs    the runs filed so far
     */
    public Choice choose(RunRecord run, List<RunRecord> runs, Path root, Path reports) {
        if (baseline.equals(LAST)) {
            return RunComparison.lastPassed(runs, run).map(Choice::of).orElseGet(() -> Choice.note(
                    "-Dbaseline=last: no earlier run of " + run.plan() + " at scale " + run.scale() + " on "
                            + run.engines() + " engine(s) passed, so this run has nothing to be compared with; "
                            + "it becomes the baseline of the next one if it passes"));
        }
        Path folder = folder(run.plan(), root, reports);
        if (folder == null) {
            return Choice.failure("-Dbaseline=" + baseline + ": no run report there (looked for run.json in "
                    + root.resolve(baseline) + ", " + reports.resolve(baseline) + " and "
                    + reports.resolve(run.plan()).resolve(baseline) + ")");
        }
        RunRecord chosen;
        try {
            chosen = RunRecord.read(folder.resolve(RunRecord.FILE_NAME));
        } catch (IOException e) {
            return Choice.failure("-Dbaseline=" + baseline + ": " + folder.resolve(RunRecord.FILE_NAME)
                    + " cannot be read: " + e.getMessage());
        }
        if (!RunComparison.comparable(chosen, run)) {
            return Choice.failure("-Dbaseline=" + baseline + " is a run of " + chosen.plan() + " at scale "
                    + chosen.scale() + " on " + chosen.engines() + " engine(s); this run is " + run.plan()
                    + " at scale " + run.scale() + " on " + run.engines() + " engine(s): they do not compare");
        }
        return Choice.of(chosen);
    }

    private Path folder(String plan, Path root, Path reports) {
        for (Path candidate : List.of(root.resolve(baseline), reports.resolve(baseline),
                reports.resolve(plan).resolve(baseline))) {
            if (Files.isRegularFile(candidate.resolve(RunRecord.FILE_NAME))) {
                return candidate;
            }
        }
        return null;
    }

    private static double number(Map<String, String> environment, String variable, String option, double fallback) {
        String text = environment.getOrDefault(variable, "").trim();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + option + "=" + text + " is not a number");
        }
    }

    private static String plain(double value) {
        return RunComparison.plain(value);
    }
}
