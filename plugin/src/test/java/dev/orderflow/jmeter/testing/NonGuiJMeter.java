package dev.orderflow.jmeter.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.save.SaveService;
import org.apache.jorphan.collections.HashTree;

/**
 * Runs a plan the way a person runs it headless, {@code jmeter -n -t plan.jmx …}, in a child JVM with the test
 * classpath and the test JMeter home: real process, real exit status, bounded in time.
 */
public final class NonGuiJMeter {

    private NonGuiJMeter() {
    }

    /** What the child JMeter left: its exit status and everything it printed. */
    public record Outcome(int exitStatus, String console) {
    }

    /** Saves the plan as a JMX file, as the GUI would. */
    public static Path save(HashTree plan, Path jmx) throws IOException {
        JMeterEnvironment.init();
        try (OutputStream out = Files.newOutputStream(jmx)) {
            SaveService.saveTree(plan, out);
        }
        return jmx;
    }

    /**
     * Runs {@code NewDriver -n -t jmx} plus the given arguments; a run that outlives the timeout is killed and
     * fails the calling test.
     */
    public static Outcome run(Path jmx, Path workDir, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        JMeterEnvironment.init();
        Path home = JMeterEnvironment.home();
        for (String lib : new String[] {"lib", "lib/ext", "lib/junit"}) {
            Files.createDirectories(home.resolve(lib)); // NewDriver lists them; the classes come from the classpath
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djmeter.home=" + home,
                "-cp", System.getProperty("java.class.path"),
                "org.apache.jmeter.NewDriver",
                "-n", "-t", jmx.toString(),
                "-j", workDir.resolve("jmeter.log").toString()));
        command.addAll(List.of(arguments));
        Path console = workDir.resolve("console.txt");
        Process jmeter = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        if (!jmeter.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            jmeter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("non-GUI JMeter was still running after " + timeout + "; it printed:\n"
                    + Files.readString(console));
        }
        return new Outcome(jmeter.exitValue(), Files.readString(console));
    }
}
