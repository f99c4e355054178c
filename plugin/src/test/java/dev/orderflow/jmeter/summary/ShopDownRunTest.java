package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.timers.UniformRandomTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * The real reference shop goes down in the middle of a timed run: the run ends on schedule, its samples fail
 * with a clear message, the summary says from when the shop stopped answering and counts exactly what was sent,
 * and the reconciliation says it could not read the shop's counts.
 */
class ShopDownRunTest {

    private static final String ADMIN_KEY = "shop-down-admin-key";
    private static final int RUN_SECONDS = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aShopThatDiesMidRunEndsTheRunOnScheduleWithTheMomentItStoppedAnswering() throws Exception {
        Shop shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData())
                .adminKey(ADMIN_KEY).build());
        OrderSummaryListener listener = TestPlans.listener(dir);
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        OrderSummarySchema.ADMIN_KEY.write(listener, ADMIN_KEY);
        RecordingListener samples = new RecordingListener();
        UniformRandomTimer think = new UniformRandomTimer();
        think.setName("think");
        think.setDelay("100");
        think.setRange(300);
        think.setProperty(TestElement.TEST_CLASS, UniformRandomTimer.class.getName());
        TestElement[] flow = TestPlans.orderFlow();
        TestElement[] samplers = java.util.Arrays.copyOf(flow, flow.length + 1);
        samplers[flow.length] = think;
        AtomicLong closedAt = new AtomicLong();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        killer.execute(() -> {
            // once the users are well into their orders (JMeter's start takes a while in a fresh JVM)
            while (samples.all().size() < 40) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            closedAt.set(System.currentTimeMillis());
            shop.close();
        });
        long started = System.nanoTime();
        try {
            JMeterEnvironment.run(Plans.plan(Plans.timedUsers(6, RUN_SECONDS), new TestElement[] {
                    Plans.shopConnection(shop.port(), Map.of()), listener, samples},
                    samplers), Duration.ofSeconds(60));
        } finally {
            killer.shutdownNow();
            shop.close();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(seconds).as("the run ends on schedule").isLessThan(RUN_SECONDS + 10);
        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        List<SampleResult> all = samples.all().stream()
                .filter(s -> !"orderflow: load report".equals(s.getSampleLabel())).toList();
        assertThat(summary.path("samples").asLong()).as("exact count of what was sent").isEqualTo(all.size());
        List<SampleResult> unanswered = all.stream().filter(s -> s.getResponseCode().startsWith("Non HTTP")).toList();
        assertThat(unanswered).isNotEmpty().allSatisfy(s -> {
            assertThat(s.isSuccessful()).isFalse();
            assertThat(s.getResponseMessage()).isNotBlank();
        });
        JsonNode silence = summary.path("shop_stopped_answering");
        long since = Instant.parse(silence.path("since").asText()).toEpochMilli();
        assertThat(closedAt.get()).as("the shop was closed mid-run").isPositive();
        assertThat(since).as("from when, against the shop's close at %d", closedAt.get())
                .isBetween(closedAt.get() - 2_500, closedAt.get() + 1_000);
        assertThat(silence.path("unanswered").asLong()).isPositive().isLessThanOrEqualTo(unanswered.size());
        assertThat(silence.path("last_problem").asText()).isNotBlank();
        assertThat(summary.path("shop").path("error").asText()).startsWith("at test end: ");
        assertThat(summary.path("verdict").asText()).isEqualTo("fail");
        assertThat(dir.resolve(SummaryFiles.TEXT_FILE)).content().containsPattern("Shop down: +stopped answering at ");
    }
}
