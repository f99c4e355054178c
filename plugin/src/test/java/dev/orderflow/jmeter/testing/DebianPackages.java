package dev.orderflow.jmeter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian packages a test needs on the machine (a browser, a virtual display): installed with apt-get when missing,
 * so the test needs nothing set up by hand; without apt-get or root the calling test is skipped, loudly.
 */
public final class DebianPackages {

    private DebianPackages() {
    }

    /** Makes sure the programs are there, installing the packages if one is missing. */
    public static void ensure(List<Path> programs, String... packages) throws IOException, InterruptedException {
        if (programs.stream().allMatch(Files::isExecutable)) {
            return;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !"root".equals(System.getProperty("user.name"))) {
            String reason = "TEST SKIPPED: " + String.join(" and ", packages) + " missing and cannot be installed here"
                    + " (needs apt-get as root): install with 'apt-get install -y " + String.join(" ", packages) + "'";
            System.err.println(reason); // NOSONAR a skipped test must be seen in the build's output
            Assumptions.abort(reason);
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y"));
        install.addAll(List.of(packages));
        run(List.of("apt-get", "update"));
        run(install);
        for (Path program : programs) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError("apt-get installed " + String.join(", ", packages) + ", yet " + program
                        + " is missing");
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed");
        }
    }
}
