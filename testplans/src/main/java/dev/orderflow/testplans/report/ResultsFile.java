package dev.orderflow.testplans.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.orderflow.jmeter.flow.LoadReport;

/**
 * What a JMeter CSV results file says about a run: samples and errors in all and per label, and the time
 * span the samples cover. The reports check the order summary against it, since both count the same samples.
 *
 * @param samples        rows in the file
 * @param errors         rows whose success column is false
 * @param firstStartMs   earliest sample start (epoch ms), or 0 without samples
 * @param lastEndMs      latest sample end (start + elapsed)
 * @param labels         per label: samples and errors
 */
public record ResultsFile(long samples, long errors, long firstStartMs, long lastEndMs, Map<String, LabelCount> labels) {

    /** Samples and errors of one label. */
    public record LabelCount(long samples, long errors) {
    }

    public static ResultsFile read(Path csv) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return new ResultsFile(0, 0, 0, 0, Map.of());
            }
            List<String> header = CsvLine.split(headerLine);
            int timeStamp = column(header, "timeStamp", csv);
            int elapsed = column(header, "elapsed", csv);
            int label = column(header, "label", csv);
            int success = column(header, "success", csv);
            long samples = 0;
            long errors = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            Map<String, LabelCount> labels = new TreeMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                StringBuilder record = new StringBuilder(line);
                while (CsvLine.open(record.toString())) {
                    String more = reader.readLine();
                    if (more == null) {
                        break;
                    }
                    record.append('\n').append(more);
                }
                if (record.isEmpty()) {
                    continue;
                }
                List<String> fields = CsvLine.split(record.toString());
                if (LoadReport.LABEL.equals(fields.get(label))) {
                    continue; // a thread group's account of its load, which the summary keeps apart from samples
                }
                long start = Long.parseLong(fields.get(timeStamp));
                long end = start + Long.parseLong(fields.get(elapsed));
                boolean ok = Boolean.parseBoolean(fields.get(success));
                samples++;
                errors += ok ? 0 : 1;
                first = Math.min(first, start);
                last = Math.max(last, end);
                labels.merge(fields.get(label), new LabelCount(1, ok ? 0 : 1),
                        (a, b) -> new LabelCount(a.samples() + b.samples(), a.errors() + b.errors()));
            }
            return new ResultsFile(samples, errors, samples == 0 ? 0 : first, last, labels);
        }
    }

    private static int column(List<String> header, String name, Path csv) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException(csv + " has no " + name + " column (header: " + header + ")");
        }
        return index;
    }
}
