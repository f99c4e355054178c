package dev.orderflow.testplans.report;

import java.io.IOException;
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
        ResultRows.read(csv, row -> {
            long second = Math.floorDiv(row.endMs() - originMs, 1000L);
            Bucket bucket = buckets.computeIfAbsent(second, s -> new Bucket());
            bucket.add(row.elapsedMs(), row.success());
            if (row.allThreads() >= 0) {
                Matcher engine = ENGINE.matcher(row.threadName());
                bucket.users(engine.find() ? engine.group(1) : "", row.allThreads());
            }
        });
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
