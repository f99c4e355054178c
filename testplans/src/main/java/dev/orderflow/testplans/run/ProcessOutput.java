package dev.orderflow.testplans.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a child process's output into its log file and tells when a line announcing that it is ready
 * appears, so the build waits for the process itself instead of guessing a delay.
 */
final class ProcessOutput {

    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();

    private ProcessOutput() {
    }

    /** Starts copying {@code process}'s output to {@code log}; the future completes on the first line matching. */
    static CompletableFuture<Matcher> follow(Process process, String name, Path log, Pattern readyLine) {
        ProcessOutput output = new ProcessOutput();
        Thread pump = new Thread(() -> output.copy(process.getInputStream(), log, readyLine), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return output.ready;
    }

    private void copy(InputStream in, Path log, Pattern readyLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                Matcher matcher = readyLine.matcher(line);
                if (!ready.isDone() && matcher.find()) {
                    ready.complete(matcher);
                }
            }
            ready.completeExceptionally(new IllegalStateException(
                    "the process ended before it was ready; see " + log));
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException("reading the output for " + log, e));
        }
    }
}
