package dev.orderflow.testplans.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples the load machine's CPU and memory, and one process's (the embedded shop's), once a second from
 * /proc into a CSV file for the whole run; the reports cut each plan's stretch out of it.
 */
public final class LoadMachineSampler implements AutoCloseable {

    private final Path proc;
    private final LongSupplier clock;
    private final Writer out;
    private final ScheduledExecutorService timer;
    private volatile OptionalLong watchedPid = OptionalLong.empty();
    private ProcSnapshot last;

    LoadMachineSampler(Path proc, LongSupplier clock, Writer out, ScheduledExecutorService timer) {
        this.proc = proc;
        this.clock = clock;
        this.out = out;
        this.timer = timer;
    }

    /** True on machines that have Linux's /proc, the only source this sampler reads. */
    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/stat")) && Files.isReadable(Path.of("/proc/meminfo"));
    }

    /** Starts sampling every second into {@code csv}. */
    public static LoadMachineSampler start(Path csv) throws IOException {
        Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        out.write(LoadSample.CSV_HEADER + "\n");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-machine-sampler");
            thread.setDaemon(true);
            return thread;
        });
        LoadMachineSampler sampler = new LoadMachineSampler(Path.of("/proc"), System::currentTimeMillis, out, timer);
        sampler.last = sampler.read();
        timer.scheduleAtFixedRate(sampler::sampleQuietly, 1, 1, TimeUnit.SECONDS);
        return sampler;
    }

    /** Where {@link #sampleBaseline} notes the idle stretch: beside the samples' CSV. */
    public static Path baselineFile(Path csv) {
        return csv.resolveSibling("load-machine-baseline.properties");
    }

    /**
     * Lets the machine sit idle for {@code length} while the sampler runs, before any JMeter starts, and notes
     * that stretch in {@link #baselineFile}: the run's idle baseline, against which each plan's load is read.
     * A deliberate, bounded wait: the build starts nothing during it.
     */
    public void sampleBaseline(Path csv, Duration length) throws IOException, InterruptedException {
        long from = clock.getAsLong();
        Thread.sleep(length.toMillis());
        long to = clock.getAsLong();
        Files.writeString(baselineFile(csv), "# the idle stretch before any JMeter started (ms since the epoch)\n"
                + "from_ms=" + from + "\nto_ms=" + to + "\n", StandardCharsets.UTF_8);
    }

    /** From now on the samples also show this process. */
    public void watch(long pid) {
        watchedPid = OptionalLong.of(pid);
    }

    /** Takes one reading and writes the second since the last one. */
    synchronized LoadSample sample() throws IOException {
        ProcSnapshot now = read();
        LoadSample sample = LoadSample.between(last, now);
        last = now;
        out.write(sample.toCsv());
        out.write('\n');
        out.flush();
        return sample;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (IOException | RuntimeException e) {
            // one missed second is no reason to lose the run's graph; say so and go on
            System.err.println("load-machine sample skipped: " + e);
        }
    }

    ProcSnapshot read() throws IOException {
        long[] cpu = ProcSnapshot.cpuTicks(Files.readAllLines(proc.resolve("stat")));
        List<String> meminfo = Files.readAllLines(proc.resolve("meminfo"));
        long processTicks = -1;
        long processRss = -1;
        OptionalLong pid = watchedPid;
        if (pid.isPresent()) {
            try {
                Path dir = proc.resolve(Long.toString(pid.getAsLong()));
                processTicks = ProcSnapshot.processTicks(Files.readString(dir.resolve("stat")));
                processRss = ProcSnapshot.kilobytes(Files.readAllLines(dir.resolve("status")), "VmRSS");
            } catch (NoSuchFileException gone) {
                // the process ended: the machine's figures still count
            }
        }
        return new ProcSnapshot(clock.getAsLong(), cpu[0], cpu[1],
                ProcSnapshot.kilobytes(meminfo, "MemTotal"), ProcSnapshot.kilobytes(meminfo, "MemAvailable"),
                processTicks, processRss);
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
