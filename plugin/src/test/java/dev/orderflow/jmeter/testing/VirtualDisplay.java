package dev.orderflow.jmeter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java program with a screen: Debian's Xvfb (installed with apt-get when missing) as a virtual display the
 * size of {@link FormShot#SCREEN}, and the program in a JVM of its own on the test's class path. The tests' own JVM
 * is headless, and Swing decides that once per JVM.
 */
public final class VirtualDisplay {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");

    private VirtualDisplay() {
    }

    /**
     * Runs {@code main} with {@code args} on a fresh virtual display, its output going to {@code log}.
     *
     * @return the program's exit value
     * @throws AssertionError when the display does not start or the program outlives {@code timeoutMinutes}
     */
    public static int run(Class<?> main, List<String> args, Path log, int timeoutMinutes)
            throws IOException, InterruptedException {
        DebianPackages.ensure(List.of(XVFB), "xvfb");
        Process display = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                FormShot.SCREEN.width + "x" + FormShot.SCREEN.height + "x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = displayNumber(display.getInputStream());
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Djava.awt.headless=false"));
            for (String property : List.of("orderflow.test.jmeterHome", "orderflow.test.csvData")) {
                if (System.getProperty(property) != null) {
                    command.add("-D" + property + "=" + System.getProperty(property));
                }
            }
            command.add(main.getName());
            command.addAll(args);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder program = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            program.environment().put("DISPLAY", ":" + number);
            Process run = program.start();
            if (!run.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                run.destroyForcibly();
                throw new AssertionError(main.getSimpleName() + " did not end within " + timeoutMinutes + " min: "
                        + Files.readString(log));
            }
            return run.exitValue();
        } finally {
            display.destroy();
            display.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs a renderer whose {@code main} takes the folder for its pictures and writes a line of findings per picture
     * to {@code report} in it; its output goes to the folder's sibling {@code <folder>.log}.
     *
     * @return the report's lines
     * @throws AssertionError when the renderer did not end well, with its output
     */
    public static List<String> render(Class<?> renderer, Path folder, String report)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(report));
        Path log = folder.resolveSibling(folder.getFileName() + ".log");
        int exit = run(renderer, List.of(folder.toString()), log, 10);
        if (exit != 0) {
            throw new AssertionError(renderer.getSimpleName() + " ended with " + exit + ": " + Files.readString(log));
        }
        return Files.readAllLines(folder.resolve(report));
    }

    /** The display number Xvfb writes once it is ready. */
    private static String displayNumber(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        if (line.toString().isBlank()) {
            throw new AssertionError("Xvfb did not start: it said no display number");
        }
        return line.toString().trim();
    }
}
