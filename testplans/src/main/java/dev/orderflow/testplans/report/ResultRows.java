package dev.orderflow.testplans.report;

import dev.orderflow.jmeter.flow.LoadReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The samples of a JMeter CSV results file, one {@link Row} each; the thread groups' load reports, which the
 * order summary keeps apart from samples, are left out.
 */
final class ResultRows {

    /** A header line, then one record per sample; failure messages may hold quoted line breaks. */
    private static final CSVFormat RESULTS = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).build();
    private static final List<String> NEEDED = List.of("timeStamp", "elapsed", "label", "success");

    /**
     * One sample.
     *
     * @param threadName JMeter's thread name, in a distributed run with the engine before it; "" when not saved
     * @param allThreads active threads of its engine when it ended; -1 when not saved
     */
    record Row(long timeStampMs, long elapsedMs, String label, boolean success, String threadName, int allThreads) {

        long endMs() {
            return timeStampMs + elapsedMs;
        }
    }

    private ResultRows() {
    }

    /**
     * Hands every sample of {@code csv} to {@code sample}; an empty file has none.
     *
     * @throws IllegalStateException when the header lacks a column the reports count by
     */
    static void read(Path csv, Consumer<Row> sample) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = RESULTS.parse(reader)) {
            if (parser.getHeaderNames().isEmpty()) {
                return;
            }
            for (String column : NEEDED) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalStateException(csv + " has no " + column + " column (header: "
                            + parser.getHeaderNames() + ")");
                }
            }
            boolean threads = parser.getHeaderMap().containsKey("threadName")
                    && parser.getHeaderMap().containsKey("allThreads");
            for (CSVRecord record : parser) {
                if (LoadReport.LABEL.equals(record.get("label"))) {
                    continue;
                }
                sample.accept(new Row(Long.parseLong(record.get("timeStamp")), Long.parseLong(record.get("elapsed")),
                        record.get("label"), Boolean.parseBoolean(record.get("success")),
                        threads ? record.get("threadName") : "",
                        threads ? Integer.parseInt(record.get("allThreads")) : -1));
            }
        }
    }
}
