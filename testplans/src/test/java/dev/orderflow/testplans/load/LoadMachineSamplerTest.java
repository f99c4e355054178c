package dev.orderflow.testplans.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadMachineSamplerTest {

    private static final String MEMINFO = """
            MemTotal:        4096000 kB
            MemFree:          100000 kB
            MemAvailable:    3072000 kB
            """;

    @Test
    void cpuUseIsTheBusyShareOfAllCpuTicksBetweenTwoReadings() {
        long[] before = ProcSnapshot.cpuTicks(List.of("cpu  100 0 100 800 0 0 0 0 0 0"));
        long[] after = ProcSnapshot.cpuTicks(List.of("cpu  250 0 150 900 100 0 0 0 0 0"));
        ProcSnapshot first = new ProcSnapshot(0, before[0], before[1], 4096000, 3072000, 0, 1024);
        ProcSnapshot second = new ProcSnapshot(1000, after[0], after[1], 4096000, 2048000, 100, 2048);

        LoadSample sample = LoadSample.between(first, second);

        // 200 busy ticks of 400 (idle and iowait are not busy)
        assertThat(sample.cpuPercent()).isEqualTo(50.0);
        assertThat(sample.memoryUsedMb()).isEqualTo(2000.0);
        assertThat(sample.memoryTotalMb()).isEqualTo(4000.0);
        assertThat(sample.processCpuPercent()).isEqualTo(25.0);
        assertThat(sample.processRssMb()).isEqualTo(2.0);
        assertThat(LoadSample.fromCsv(sample.toCsv())).isEqualTo(sample);
    }

    @Test
    void theIdleBaselineIsNotedBesideTheSamplesWithItsStretch(@TempDir Path dir) throws Exception {
        AtomicLong clock = new AtomicLong(5_000);
        Path csv = dir.resolve("load-machine.csv");
        var timer = Executors.newSingleThreadScheduledExecutor();
        try (LoadMachineSampler sampler = new LoadMachineSampler(dir, () -> clock.getAndAdd(3_000),
                new StringWriter(), timer)) {
            sampler.sampleBaseline(csv, java.time.Duration.ofMillis(20));
        }

        assertThat(LoadMachineSampler.baselineFile(csv)).hasFileName("load-machine-baseline.properties");
        assertThat(Files.readAllLines(LoadMachineSampler.baselineFile(csv))).contains("from_ms=5000", "to_ms=8000");
    }

    @Test
    void processTicksAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (shop) x) S 1 4242 1 0 -1 4194560 100 0 0 0 70 30 0 0 20 0 40 0 123 0 0";
        assertThat(ProcSnapshot.processTicks(stat)).isEqualTo(100);
    }

    @Test
    void refusesAProcStatThatDoesNotStartWithTheCpuLine() {
        assertThatThrownBy(() -> ProcSnapshot.cpuTicks(List.of("intr 1 2 3")))
                .hasMessageContaining("cpu line");
    }

    @Test
    void writesOneCsvLinePerSampleWithTheWatchedProcessUntilItIsGone(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  100 0 100 800 0 0 0 0 0 0\n");
        Files.writeString(proc.resolve("meminfo"), MEMINFO);
        Path pidDir = Files.createDirectories(proc.resolve("77"));
        Files.writeString(pidDir.resolve("stat"), "77 (java) S 1 77 1 0 -1 0 0 0 0 0 10 10 0 0 20 0 1 0 1 0 0");
        Files.writeString(pidDir.resolve("status"), "Name:\tjava\nVmRSS:\t  51200 kB\n");
        AtomicLong clock = new AtomicLong(1_000);
        StringWriter out = new StringWriter();
        var timer = Executors.newSingleThreadScheduledExecutor();
        try {
            LoadMachineSampler sampler = new LoadMachineSampler(proc, clock::get, out, timer);
            sampler.watch(77);
            setLast(sampler);

            Files.writeString(proc.resolve("stat"), "cpu  200 0 200 900 0 0 0 0 0 0\n");
            Files.writeString(pidDir.resolve("stat"), "77 (java) S 1 77 1 0 -1 0 0 0 0 0 40 30 0 0 20 0 1 0 1 0 0");
            clock.set(2_000);
            LoadSample busy = sampler.sample();

            Files.delete(pidDir.resolve("stat"));
            Files.delete(pidDir.resolve("status"));
            Files.delete(pidDir);
            clock.set(3_000);
            LoadSample gone = sampler.sample();

            assertThat(busy.cpuPercent()).isEqualTo(66.7);
            assertThat(busy.processCpuPercent()).isEqualTo(16.7);
            assertThat(busy.processRssMb()).isEqualTo(50.0);
            assertThat(gone.processRssMb()).isEqualTo(-1.0);
            assertThat(out.toString().lines()).containsExactly(busy.toCsv(), gone.toCsv());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void startedOnThisMachineItWritesTheHeaderAndStopsCleanly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("load.csv");
        LoadMachineSampler sampler = LoadMachineSampler.start(csv);
        sampler.watch(ProcessHandle.current().pid());
        LoadSample sample = sampler.sample();
        sampler.close();

        assertThat(LoadMachineSampler.supported()).isTrue();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(LoadSample.CSV_HEADER);
        assertThat(sample.memoryTotalMb()).isPositive();
        assertThat(sample.processRssMb()).isPositive();
    }

    private static void setLast(LoadMachineSampler sampler) throws Exception {
        var field = LoadMachineSampler.class.getDeclaredField("last");
        field.setAccessible(true);
        field.set(sampler, sampler.read());
    }
}
