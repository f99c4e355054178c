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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

    /** JMeter's CSV results: a header line, then one record per sample; messages may hold quoted line breaks. */
    private static final CSVFormat RESULTS = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).build();
    private static final String TIME_STAMP = "timeStamp";
    private static final String ELAPSED = "elapsed";
    private static final String LABEL = "label";
    private static final String SUCCESS = "success";

    /** Samples and errors of one label. */
    public record LabelCount(long samples, long errors) {
    }

    public static ResultsFile read(Path csv) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = RESULTS.parse(reader)) {
            if (parser.getHeaderNames().isEmpty()) {
                return new ResultsFile(0, 0, 0, 0, Map.of());
            }
            for (String column : List.of(TIME_STAMP, ELAPSED, LABEL, SUCCESS)) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalStateException(csv + " has no " + column + " column (header: "
                            + parser.getHeaderNames() + ")");
                }
            }
            long samples = 0;
            long errors = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            Map<String, LabelCount> labels = new TreeMap<>();
            for (CSVRecord record : parser) {
                String label = record.get(LABEL);
                if (LoadReport.LABEL.equals(label)) {
                    continue; // a thread group's account of its load, which the summary keeps apart from samples
                }
                long start = Long.parseLong(record.get(TIME_STAMP));
                long end = start + Long.parseLong(record.get(ELAPSED));
                boolean ok = Boolean.parseBoolean(record.get(SUCCESS));
                samples++;
                errors += ok ? 0 : 1;
                first = Math.min(first, start);
                last = Math.max(last, end);
                labels.merge(label, new LabelCount(1, ok ? 0 : 1),
                        (a, b) -> new LabelCount(a.samples() + b.samples(), a.errors() + b.errors()));
            }
            return new ResultsFile(samples, errors, samples == 0 ? 0 : first, last, labels);
        }
    }
}
