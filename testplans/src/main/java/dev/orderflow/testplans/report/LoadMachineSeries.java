package dev.orderflow.testplans.report;

import dev.orderflow.testplans.load.LoadSample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The load-machine samples of one stretch of the run, cut out of the run's load-machine.csv. */
public record LoadMachineSeries(List<LoadSample> samples) {

    /** The samples taken between {@code fromMs} and {@code toMs}; none when the file does not exist. */
    public static LoadMachineSeries read(Path csv, long fromMs, long toMs) throws IOException {
        List<LoadSample> samples = new ArrayList<>();
        if (!Files.isRegularFile(csv)) {
            return new LoadMachineSeries(samples);
        }
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith(LoadSample.CSV_HEADER)) {
                continue;
            }
            LoadSample sample = LoadSample.fromCsv(line);
            if (sample.timestampMillis() >= fromMs && sample.timestampMillis() <= toMs) {
                samples.add(sample);
            }
        }
        return new LoadMachineSeries(List.copyOf(samples));
    }

    /** The samples taken between {@code fromMs} and {@code toMs}, both included. */
    public LoadMachineSeries between(long fromMs, long toMs) {
        return new LoadMachineSeries(samples.stream()
                .filter(sample -> sample.timestampMillis() >= fromMs && sample.timestampMillis() <= toMs)
                .toList());
    }

    public double meanCpuPercent() {
        return samples.stream().mapToDouble(LoadSample::cpuPercent).average().orElse(0);
    }

    public double meanMemoryUsedMb() {
        return samples.stream().mapToDouble(LoadSample::memoryUsedMb).average().orElse(0);
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public void write(Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(LoadSample.CSV_HEADER);
        samples.forEach(sample -> lines.add(sample.toCsv()));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    public double peakCpuPercent() {
        return samples.stream().mapToDouble(LoadSample::cpuPercent).max().orElse(0);
    }

    public double peakMemoryUsedMb() {
        return samples.stream().mapToDouble(LoadSample::memoryUsedMb).max().orElse(0);
    }

    public double peakProcessRssMb() {
        return samples.stream().mapToDouble(LoadSample::processRssMb).max().orElse(-1);
    }
}
