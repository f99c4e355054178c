package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.flow.GroupLoad;
import dev.orderflow.jmeter.flow.PlannedStage;

class SummaryJsonTest {

    @TempDir
    Path dir;

    static RunSummary summary(Path outputDir, ThresholdLimits limits, ShopCheck shop) {
        FunnelCounts funnel = new FunnelCounts(5, 2, 1000, 950, 5, 10, new TreeMap<>(Map.of("409", 30L, "500", 5L)));
        RunCounts counts = new RunCounts(funnel, List.of(
                new LabelStats("Log in", 1000, 2, 120.25, 100, 200, 250, 400, 900),
                new LabelStats("Create order", 1000, 40, 480.5, 450, 700, 810, 990, 1500)),
                2000, 42, 1_700_000_000_000L, 1_700_000_040_000L, 4, fourEnginesOf1000Users(), true);
        // the run's two failed logins are allowed, so that the other checks decide its verdict
        ThresholdLimits allowingItsLogins = new ThresholdLimits(limits.minSuccessRatePct(), limits.maxErrorRatePct(),
                limits.maxMeanMs(), limits.maxP95Ms(), limits.labels(), 2);
        RunSettings settings = new RunSettings("Order summary", outputDir, "test5", allowingItsLogins,
                shop == null ? null : new ShopTarget(URI.create(shop.baseUrl()), "admin-secret"));
        return RunSummary.of(settings, counts, 4, shop);
    }

    /** Each engine's load report: its share of the users, and the shape's stage as cluster totals. */
    private static List<GroupLoad> fourEnginesOf1000Users() {
        List<PlannedStage> stages = List.of(new PlannedStage(1000, 0, 10, 40, 100));
        List<GroupLoad> loads = new ArrayList<>();
        for (int engine = 0; engine < 4; engine++) {
            loads.add(new GroupLoad("users", engine, 4, 250, 250, true, null, 40, 1_700_000_000_000L, stages, 0, 0));
        }
        return loads;
    }

    private static ShopCheck shop() {
        return ShopCheck.reconcile(new ShopTarget(URI.create("http://127.0.0.1:8000"), "admin-secret"),
                new ShopStats(7, 20, 10_000_000, 9_999_980), new ShopStats(960, 1800, 10_000_000, 9_998_200),
                new FunnelCounts(5, 2, 1000, 950, 5, 10, new TreeMap<>()));
    }

    @Test
    void summaryJsonHoldsEveryCountRateLabelThresholdAndTheShop() throws IOException {
        RunSummary summary = summary(dir, new ThresholdLimits(95.0, null, null, 800.0, null), shop());

        SummaryFiles.write(dir, summary);

        JsonNode json = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(json.get("plan").asText()).isEqualTo("test5");
        assertThat(json.get("engines").asInt()).isEqualTo(4);
        assertThat(json.get("users").asInt()).isEqualTo(1000);
        assertThat(json.get("spawn_rate").asDouble()).isEqualTo(100.0);
        assertThat(json.get("started_at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.get("duration_s").asDouble()).isEqualTo(40.0);
        assertThat(json.get("login_failures").asLong()).isEqualTo(2);
        assertThat(json.get("orders_attempted").asLong()).isEqualTo(1000);
        assertThat(json.get("orders_created").asLong()).isEqualTo(950);
        assertThat(json.get("orders_failed").asLong()).isEqualTo(45);
        assertThat(json.get("cart_failures").asLong()).isEqualTo(10);
        assertThat(json.get("orders_unknown").asLong()).isEqualTo(5);
        assertThat(json.get("success_rate").asDouble()).isEqualTo(95.0);
        assertThat(json.get("throughput_rps").asDouble()).isEqualTo(50.0);
        assertThat(json.get("error_rate").asDouble()).isEqualTo(2.1);
        assertThat(json.get("rejections").get("409").asLong()).isEqualTo(30);
        assertThat(json.get("rejections").get("500").asLong()).isEqualTo(5);
        JsonNode order = json.get("labels").get("Create order");
        assertThat(List.of(order.get("count").asLong(), order.get("errors").asLong(), order.get("p50_ms").asLong(),
                order.get("p90_ms").asLong(), order.get("p95_ms").asLong(), order.get("p99_ms").asLong(),
                order.get("max_ms").asLong())).containsExactly(1000L, 40L, 450L, 700L, 810L, 990L, 1500L);
        assertThat(order.get("mean_ms").asDouble()).isEqualTo(480.5);
        List<String> names = new ArrayList<>();
        json.get("thresholds").forEach(t -> names.add(t.get("name").asText() + "=" + t.get("passed").asBoolean()));
        assertThat(names).containsExactly("planned_load=true", "max_login_failures=true", "min_success_rate=true",
                "max_p95_ms[Log in]=true", "max_p95_ms[Create order]=false", "shop_orders_delta_min=true",
                "shop_orders_delta_max=true", "shop_stock_invariant=true");
        JsonNode threshold = json.get("thresholds").get(4);
        assertThat(threshold.get("limit").asDouble()).isEqualTo(800.0);
        assertThat(threshold.get("actual").asDouble()).isEqualTo(810.0);
        JsonNode shop = json.get("shop");
        assertThat(shop.get("orders_before").asLong()).isEqualTo(7);
        assertThat(shop.get("orders_after").asLong()).isEqualTo(960);
        assertThat(shop.get("orders_delta").asLong()).isEqualTo(953);
        assertThat(shop.get("units_sold_delta").asLong()).isEqualTo(1780);
        assertThat(shop.get("invariant_ok").asBoolean()).isTrue();
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
        assertThat(Files.readString(dir.resolve(SummaryFiles.JSON_FILE))).doesNotContain("admin-secret");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("summary.json", "summary.txt");
        }
    }

    @Test
    void withoutReconciliationShopIsNullAndUnmeasurableRatesAreNullAndARunWithoutLoadFails() throws IOException {
        RunSettings settings = new RunSettings("Order summary", dir, "", ThresholdLimits.NONE, null);
        RunSummary summary = RunSummary.of(settings, RunCounts.EMPTY, 1, null);

        JsonNode json = SummaryJson.MAPPER.readTree(SummaryJson.write(summary));

        assertThat(json.get("shop").isNull()).isTrue();
        assertThat(json.get("success_rate").isNull()).isTrue();
        assertThat(json.get("error_rate").isNull()).isTrue();
        assertThat(json.get("users").isNull()).isTrue();
        assertThat(json.get("started_at").isNull()).isTrue();
        assertThat(json.get("thresholds")).hasSize(1);
        assertThat(json.get("thresholds").get(0).get("name").asText()).isEqualTo("planned_load");
        assertThat(json.get("thresholds").get(0).get("detail").asText()).startsWith("no load ran");
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void eachLoadCarriesItsStartAndThePlannedStagesItFollowed() throws IOException {
        GroupLoad staged = new GroupLoad("users", 0, 1, 300, 300, true, null, 20, 1_700_000_000_000L,
                List.of(new PlannedStage(100, 0, 2, 10), new PlannedStage(300, 10, 14, 20)), 0, 0);
        GroupLoad neverStarted = new GroupLoad("other", 0, 1, 5, 0, false, "refused", 0);
        RunCounts counts = new RunCounts(FunnelCounts.EMPTY, List.of(), 10, 0, 1_700_000_000_500L,
                1_700_000_020_000L, 1, List.of(staged, neverStarted), true);
        RunSettings settings = new RunSettings("Order summary", dir, "stepped", ThresholdLimits.NONE, null);

        JsonNode loads = SummaryJson.MAPPER.readTree(SummaryJson.write(RunSummary.of(settings, counts, 1, null)))
                .get("loads");

        assertThat(loads.get(0).get("start_ms").asLong()).isEqualTo(1_700_000_000_000L);
        JsonNode planned = loads.get(0).get("planned_stages");
        assertThat(planned).hasSize(2);
        assertThat(List.of(planned.get(1).get("users").asInt(), planned.get(1).get("from_s").asDouble(),
                planned.get(1).get("ramp_end_s").asDouble(), planned.get(1).get("until_s").asDouble()))
                .containsExactly(300, 10.0, 14.0, 20.0);
        assertThat(loads.get(1).get("start_ms").isNull()).isTrue();
        assertThat(loads.get(1).get("planned_stages")).isEmpty();
    }

    @Test
    void theTextSummaryHasTheTitleTheFunnelTheLabelsAndTheVerdict() {
        String text = SummaryText.render(summary(dir, new ThresholdLimits(96.0, null, null, null, null), shop()));

        assertThat(text).startsWith("Order Concurrency Test Results" + System.lineSeparator() + "=====");
        // under the label table: which percentile its p50-p99 are, as the dashboard's differ
        assertThat(text.lines()).contains(SummaryText.PERCENTILES);
        assertThat(text.lines()).contains(
                "Orders attempted:     1000",
                "Orders created:       950",
                "Orders failed:        45",
                "  rejected 409:       30",
                "Cart failures:        10",
                "Orders unknown:       5",
                "Login failures:       2 of 5 logins tried",
                "Success rate:         95.00% of orders attempted were created",
                "Shop orders created:  953 (before 7, after 960)",
                "  min_success_rate: limit 96, actual 95 (% of orders attempted that were created) - FAILED",
                "Verdict:              FAIL");
        assertThat(text).containsPattern("Create order +1000 +40 +480\\.5 +450 +700 +810 +990 +1500");
        assertThat(text).doesNotContain("admin-secret");
    }

    @Test
    void verdictCheckPassesAPassedRunAndNamesEveryFailedThresholdOfAFailedOne() throws IOException {
        SummaryFiles.write(dir.resolve("pass"), summary(dir, new ThresholdLimits(90.0, null, null, null, null), null));
        SummaryFiles.write(dir.resolve("fail"), summary(dir, new ThresholdLimits(96.0, 1.0, null, null, null), null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        int passed = VerdictCheck.check(new String[] {dir.resolve("pass/summary.json").toString()},
                outStream, errStream);
        int failed = VerdictCheck.check(new String[] {dir.resolve("fail/summary.json").toString()},
                outStream, errStream);
        int missing = VerdictCheck.check(new String[] {dir.resolve("none/summary.json").toString()},
                outStream, errStream);
        int usage = VerdictCheck.check(new String[0], outStream, errStream);

        assertThat(List.of(passed, failed, missing, usage)).containsExactly(0, 1, 2, 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Order summary of plan test5: verdict pass");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("threshold failed: min_success_rate: limit 96, actual 95 (% of orders attempted that were "
                        + "created) - FAILED")
                .contains("threshold failed: max_error_rate: limit 1, actual 2.10 (% of samples of all labels that "
                        + "failed) - FAILED")
                .contains("verdict fail (4 checks, 2 failed; orders created 950 of 1000 attempted)")
                .contains("no readable summary at")
                .contains("usage: VerdictCheck <summary.json>");
    }
}
