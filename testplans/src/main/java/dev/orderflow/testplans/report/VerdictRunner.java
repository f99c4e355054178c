package dev.orderflow.testplans.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plugin's own verdict check on a summary.json ({@code dev.orderflow.jmeter.summary.VerdictCheck},
 * exit 1 naming the failed thresholds) with the JMeter home's jars, as a user would from the command line.
 */
public final class VerdictRunner {

    static final String MAIN_CLASS = "dev.orderflow.jmeter.summary.VerdictCheck";
    /** A check that reads one small file; a run's filing never waits on it longer than this. */
    static final long LIMIT_SECONDS = 120;

    private VerdictRunner() {
    }

    /** The check's exit status and what it printed. */
    public record Verdict(int exitStatus, String output) {
        public boolean passed() {
            return exitStatus == 0;
        }
    }

    public static Verdict check(Path java, Path jmeterHome, Path summaryJson) throws IOException, InterruptedException {
        String classpath = String.join(File.pathSeparator,
                jmeterHome.resolve("lib").resolve("*").toString(),
                jmeterHome.resolve("lib").resolve("ext").resolve("*").toString());
        Path output = Files.createTempFile("orderflow-verdict", ".txt");
        try {
            Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classpath, MAIN_CLASS,
                            summaryJson.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Verdict(-1, "the verdict check did not end within " + LIMIT_SECONDS + " s");
            }
            return new Verdict(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).trim());
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
