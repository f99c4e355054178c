package dev.orderflow.testplans.report;

import dev.orderflow.testplans.load.LoadMachineSampler;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The stretches of a plan's load-machine page, in ms since the epoch: the run's idle baseline (sampled
 * before any JMeter started; -1 when the run sampled none), JMeter's start-up (from its first log line to
 * the first sample; -1 when the log is missing), and the load (first sample to the end of the last).
 */
public record LoadPhases(long baselineFromMs, long baselineToMs, long jmeterStartMs, long loadStartMs,
                         long loadEndMs) {

    /** JMeter's log lines open with the local time: {@code 2026-12-03 10:20:17,563 INFO …}. */
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    public boolean hasBaseline() {
        return baselineFromMs >= 0 && baselineToMs > baselineFromMs;
    }

    public boolean hasJMeterStart() {
        return jmeterStartMs >= 0 && jmeterStartMs <= loadStartMs;
    }

    /** Reads the baseline the run host noted beside the samples, and the JMeter start from the plan's log. */
    public static LoadPhases read(Path loadMachineCsv, Path jmeterLog, long loadStartMs, long loadEndMs)
            throws IOException {
        long from = -1;
        long to = -1;
        Path baseline = LoadMachineSampler.baselineFile(loadMachineCsv);
        if (Files.isRegularFile(baseline)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(baseline, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            from = Long.parseLong(properties.getProperty("from_ms", "-1"));
            to = Long.parseLong(properties.getProperty("to_ms", "-1"));
        }
        return new LoadPhases(from, to, jmeterStart(jmeterLog), loadStartMs, loadEndMs);
    }

    /** The time of the log's first line, or -1. */
    static long jmeterStart(Path jmeterLog) throws IOException {
        if (!Files.isRegularFile(jmeterLog)) {
            return -1;
        }
        try (var lines = Files.lines(jmeterLog, StandardCharsets.UTF_8)) {
            String first = lines.findFirst().orElse("");
            if (first.length() < 23) {
                return -1;
            }
            return LocalDateTime.parse(first.substring(0, 23), LOG_TIME)
                    .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
