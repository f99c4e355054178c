package dev.orderflow.testplans.report;

import dev.orderflow.jmeter.flow.LoadReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run second by second, from its results file: the users running, samples and errors, and the p95 of the
 * samples that ended in each second (nearest rank, as the order summary computes its percentiles). Samples fall
 * into the second they ended in, as the order summary cuts them into stages.
 *
 * @param originMs the epoch ms second 0 starts at (the run's first sample)
 * @param seconds  one entry per second that had a sample, in time order
 */
public record RunSeconds(long originMs, List<Second> seconds) {

    /**
     * One second of the run.
     *
     * @param index   seconds from the origin to the second's start
     * @param users   users running: JMeter's count of active threads, summed over the engines (-1 when the
     *                results file has no allThreads column)
     * @param samples samples that ended in it
     * @param errors  of them, those that failed
     * @param p95Ms   nearest-rank 95th percentile of their elapsed times
     */
    public record Second(long index, int users, int samples, int errors, long p95Ms) {
    }

    /** In a distributed run JMeter puts the engine before the thread's name: {@code 10.0.0.11:1099-users 1-1}. */
    private static final Pattern ENGINE = Pattern.compile("^(\\S+:\\d+)-");

    public static RunSeconds read(Path csv, long originMs) throws IOException {
        Map<Long, Bucket> buckets = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return new RunSeconds(originMs, List.of());
            }
            List<String> header = CsvLine.split(headerLine);
            int timeStamp = header.indexOf("timeStamp");
            int elapsed = header.indexOf("elapsed");
            int label = header.indexOf("label");
            int success = header.indexOf("success");
            int threadName = header.indexOf("threadName");
            int allThreads = header.indexOf("allThreads");
            if (timeStamp < 0 || elapsed < 0 || label < 0 || success < 0) {
                return new RunSeconds(originMs, List.of());
            }
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
                    continue;
                }
                long took = Long.parseLong(fields.get(elapsed));
                long end = Long.parseLong(fields.get(timeStamp)) + took;
                Bucket bucket = buckets.computeIfAbsent(Math.floorDiv(end - originMs, 1000L), second -> new Bucket());
                bucket.add(took, Boolean.parseBoolean(fields.get(success)));
                if (allThreads >= 0 && threadName >= 0) {
                    Matcher engine = ENGINE.matcher(fields.get(threadName));
                    bucket.users(engine.find() ? engine.group(1) : "", Integer.parseInt(fields.get(allThreads)));
                }
            }
        }
        List<Second> seconds = new ArrayList<>();
        buckets.forEach((index, bucket) -> seconds.add(bucket.second(index, allThreadsKnown(buckets))));
        return new RunSeconds(originMs, List.copyOf(seconds));
    }

    private static boolean allThreadsKnown(Map<Long, Bucket> buckets) {
        return buckets.values().stream().anyMatch(bucket -> !bucket.usersPerEngine.isEmpty());
    }

    /** Nearest rank: the smallest value at least {@code percent} % of the values do not exceed. */
    static long nearestRank(long[] sortedValues, int count, double percent) {
        if (count == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * count);
        return sortedValues[Math.max(0, Math.min(count, rank) - 1)];
    }

    public boolean isEmpty() {
        return seconds.isEmpty();
    }

    /** The samples of one second while it is being read. */
    private static final class Bucket {
        private long[] elapsed = new long[16];
        private int samples;
        private int errors;
        private final Map<String, Integer> usersPerEngine = new HashMap<>(2);

        void add(long took, boolean ok) {
            if (samples == elapsed.length) {
                elapsed = Arrays.copyOf(elapsed, samples * 2);
            }
            elapsed[samples++] = took;
            errors += ok ? 0 : 1;
        }

        /** The most threads an engine reported within the second: its users at their peak in it. */
        void users(String engine, int threads) {
            usersPerEngine.merge(engine, threads, Math::max);
        }

        Second second(long index, boolean usersKnown) {
            Arrays.sort(elapsed, 0, samples);
            int users = usersKnown ? usersPerEngine.values().stream().mapToInt(Integer::intValue).sum() : -1;
            return new Second(index, users, samples, errors, nearestRank(elapsed, samples, 95));
        }
    }
}
