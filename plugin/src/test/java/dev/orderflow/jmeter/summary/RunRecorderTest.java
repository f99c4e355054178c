package dev.orderflow.jmeter.summary;

import static dev.orderflow.jmeter.summary.FlowSamples.plain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;

class RunRecorderTest {

    @Test
    void percentilesMeanAndMaxOfOneLabelAreExact() {
        RunRecorder recorder = new RunRecorder();
        for (int ms = 1000; ms >= 1; ms--) {
            recorder.record(plain("Create order", 1_000, ms, ms % 100 != 0));
        }

        LabelStats stats = recorder.counts().labels().get(0);

        assertThat(stats).isEqualTo(new LabelStats("Create order", 1000, 10, 500.5, 500, 900, 950, 990, 1000));
        assertThat(stats.errorRatePct()).isEqualTo(1.0);
    }

    @Test
    void percentilesAreNearestRankNotTheDashboardsInterpolation() {
        // 19 fast samples and one slow one: the 95th of 20 ranks is the 19th sample, 7 ms. JMeter's dashboard
        // interpolates at position 0.95 x 21 = 19.95, between 7 and 700 ms: 7 + 0.95 x 693 = 665.35 ms.
        RunRecorder recorder = new RunRecorder();
        for (int i = 0; i < 19; i++) {
            recorder.record(plain("Log in", 1_000, 7, true));
        }
        recorder.record(plain("Log in", 1_000, 700, true));

        LabelStats stats = recorder.counts().labels().get(0);

        assertThat(stats.p95Ms()).isEqualTo(7);
        assertThat(stats.p99Ms()).isEqualTo(700);
    }

    @Test
    void timesBeyondAnHourKeepTheirExactMaxAndMean() {
        RunRecorder recorder = new RunRecorder();
        long twoHours = TimeUnit.HOURS.toMillis(2);
        recorder.record(plain("slow", 1_000, twoHours, true));
        recorder.record(plain("slow", 1_000, 0, true));

        LabelStats stats = recorder.counts().labels().get(0);

        assertThat(stats.maxMs()).isEqualTo(twoHours);
        assertThat(stats.meanMs()).isEqualTo(twoHours / 2.0);
        assertThat(stats.p99Ms())
                .isBetween(LatencyRecorder.HIGHEST_TRACKABLE_MS, LatencyRecorder.HIGHEST_TRACKABLE_MS * 1001 / 1000);
    }

    @Test
    void labelsOfAnySamplerAreListedInTheOrderTheyFirstAppeared() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(FlowSamples.sample(FlowStep.LOGIN, true, "200"));
        recorder.record(plain("HTTP Request", 1_000, 5, true));
        recorder.record(FlowSamples.sample(FlowStep.ORDER, true, "201"));
        recorder.record(plain("HTTP Request", 1_000, 5, false));
        recorder.record(plain(null, 1_000, 5, true));

        RunCounts counts = recorder.counts();

        assertThat(counts.labels()).extracting(LabelStats::label)
                .containsExactly("LOGIN", "HTTP Request", "ORDER", RunRecorder.UNLABELLED);
        assertThat(counts.labels()).extracting(LabelStats::count).containsExactly(1L, 2L, 1L, 1L);
        assertThat(counts.samples()).isEqualTo(5);
        assertThat(counts.errors()).isEqualTo(1);
        assertThat(counts.errorRatePct()).isEqualTo(20.0);
        assertThat(counts.funnel().ordersCreated()).isEqualTo(1);
    }

    @Test
    void durationRunsFromTheFirstSampleStartToTheLastSampleEnd() {
        RunRecorder recorder = new RunRecorder();
        recorder.record(plain("b", 12_000, 3_000, true)); // ends at 15 000
        recorder.record(plain("a", 10_000, 500, true));
        recorder.record(plain("c", 14_000, 500, true));
        recorder.record(plain("c", 11_000, 500, true));

        RunCounts counts = recorder.counts();

        assertThat(counts.firstStartMs()).isEqualTo(10_000);
        assertThat(counts.lastEndMs()).isEqualTo(15_000);
        assertThat(counts.durationSeconds()).isEqualTo(5.0);
        assertThat(counts.throughputPerSecond()).isEqualTo(0.8);
    }

    @Test
    void withoutSamplesTheRunHasNoDurationNoRatesAndOneEngine() {
        RunCounts counts = new RunRecorder().counts();

        assertThat(counts.durationSeconds()).isZero();
        assertThat(counts.throughputPerSecond()).isZero();
        assertThat(counts.errorRatePct()).isNull();
        assertThat(counts.engines()).isEqualTo(1);
    }

    @Test
    void enginesAreTheHighestEngineCountTheSamplesCarry() {
        RunRecorder recorder = new RunRecorder();
        for (int count : new int[] {1, 4, 2}) {
            OrderFlowSampleResult sample = FlowSamples.sample(FlowStep.PAGE, true, "200");
            sample.setEngineCount(count);
            recorder.record(sample);
        }

        assertThat(recorder.counts().engines()).isEqualTo(4);
    }

    @Test
    void samplesFromManyThreadsAreAllCountedWhileTheCountsAreRead() throws Exception {
        RunRecorder recorder = new RunRecorder();
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        OrderFlowSampleResult sample = FlowSamples.sample(i % 2 == 0 ? FlowStep.CART : FlowStep.ORDER,
                                i % 10 != 0, i % 10 == 0 ? "409" : "201");
                        sample.setSampleLabel("label " + (thread + i) % 4);
                        sample.setAttemptStart(i % 2 == 0);
                        recorder.record(sample);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 200; i++) {
                    assertThat(recorder.counts().samples()).isLessThanOrEqualTo((long) threads * perThread);
                }
                return null;
            });
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        RunCounts counts = recorder.counts();
        long total = (long) threads * perThread;
        assertThat(counts.samples()).isEqualTo(total);
        assertThat(counts.labels()).hasSize(4);
        assertThat(counts.labels().stream().mapToLong(LabelStats::count).sum()).isEqualTo(total);
        assertThat(counts.funnel().ordersAttempted()).isEqualTo(total / 2);
        assertThat(counts.funnel().cartFailures()).isEqualTo(total / 10);
        assertThat(counts.funnel().ordersCreated()).isEqualTo(total / 2);
        assertThat(counts.funnel().rejections()).isEmpty();
    }

    @Test
    void aPlainSampleResultNeverTouchesTheFunnel() {
        RunRecorder recorder = new RunRecorder();
        SampleResult failed = plain("POST /api/orders", 1_000, 20, false);
        failed.setResponseCode("500");
        recorder.record(failed);

        assertThat(recorder.counts().funnel()).isEqualTo(FunnelCounts.EMPTY);
    }
}
