package dev.orderflow.testplans.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Generates JMeter's HTML dashboard from a results file after JMeter ended without generating it (an engine
 * lost, JMeter ended by a signal): {@code -g results -o folder} with the JMeter home's own launcher and
 * properties, so the dashboard looks as JMeter's own end of run makes it. Bounded: a report never waits for it
 * longer than {@link #LIMIT_MINUTES}.
 */
final class DashboardAfterwards {

    static final long LIMIT_MINUTES = 5;

    private DashboardAfterwards() {
    }

    /** @return empty when generated, otherwise why not */
    static Optional<String> generate(Path java, Path jmeterHome, Path resultsCsv, Path dashboard, Path log)
            throws IOException, InterruptedException {
        Optional<Path> launcher;
        try (Stream<Path> bin = Files.list(jmeterHome.resolve("bin"))) {
            launcher = bin.filter(p -> p.getFileName().toString().matches("ApacheJMeter.*\\.jar")).findFirst();
        }
        if (launcher.isEmpty()) {
            return Optional.of("no JMeter launcher in " + jmeterHome.resolve("bin"));
        }
        Files.createDirectories(dashboard.getParent());
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", launcher.get().toString(),
                "-g", resultsCsv.toString(), "-o", dashboard.toString(), "-j", log.toString()))
                .directory(jmeterHome.resolve("bin").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".out")
                        .toFile()))
                .start();
        if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return Optional.of("JMeter did not generate the dashboard within " + LIMIT_MINUTES + " min");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(dashboard.resolve("index.html"))) {
            return Optional.of("JMeter could not generate the dashboard (exit " + process.exitValue()
                    + ", see " + log + ")");
        }
        return Optional.empty();
    }
}
