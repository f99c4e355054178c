package dev.orderflow.testplans.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the plugin's own verdict check on a summary.json ({@code dev.orderflow.jmeter.summary.VerdictCheck},
 * exit 1 naming the failed thresholds) with the JMeter home's jars, as a user would from the command line.
 */
public final class VerdictRunner {

    static final String MAIN_CLASS = "dev.orderflow.jmeter.summary.VerdictCheck";

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
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", classpath, MAIN_CLASS, summaryJson.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Verdict(process.waitFor(), output);
    }
}
