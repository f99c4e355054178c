package dev.orderflow.testplans.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
public record ResultsFile(long samples, long errors, long firstStartMs, long lastEndMs,
        Map<String, LabelCount> labels) {

    /** Samples and errors of one label. */
    public record LabelCount(long samples, long errors) {
    }

    public static ResultsFile read(Path csv) throws IOException {
        long[] counts = new long[2];
        long[] span = {Long.MAX_VALUE, 0};
        Map<String, LabelCount> labels = new TreeMap<>();
        ResultRows.read(csv, row -> {
            counts[0]++;
            counts[1] += row.success() ? 0 : 1;
            span[0] = Math.min(span[0], row.timeStampMs());
            span[1] = Math.max(span[1], row.endMs());
            labels.merge(row.label(), new LabelCount(1, row.success() ? 0 : 1),
                    (a, b) -> new LabelCount(a.samples() + b.samples(), a.errors() + b.errors()));
        });
        return new ResultsFile(counts[0], counts[1], counts[0] == 0 ? 0 : span[0], span[1], labels);
    }
}
