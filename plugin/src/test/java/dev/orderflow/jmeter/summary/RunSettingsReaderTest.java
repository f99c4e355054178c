package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.Setting;

class RunSettingsReaderTest {

    @TempDir
    Path dir;

    private Map<Setting, String> values() {
        Map<Setting, String> values = new HashMap<>();
        values.put(OrderSummarySchema.OUTPUT_DIR, dir.resolve("out").toString());
        return values;
    }

    @Test
    void emptyLimitsAreOffAndTheFolderIsCreated() {
        RunSettings settings = RunSettingsReader.read("Order summary", values()::get);

        assertThat(settings.limits()).isEqualTo(ThresholdLimits.NONE);
        assertThat(settings.reconciles()).isFalse();
        assertThat(settings.plan()).isEmpty();
        assertThat(settings.outputDir()).isDirectory().isEqualTo(dir.resolve("out"));
    }

    @Test
    void everyFieldIsReadTrimmed() {
        Map<Setting, String> values = values();
        values.put(OrderSummarySchema.PLAN, " test1 ");
        values.put(OrderSummarySchema.MIN_SUCCESS_RATE, "95");
        values.put(OrderSummarySchema.MAX_ERROR_RATE, "2.5");
        values.put(OrderSummarySchema.MAX_MEAN_MS, "500");
        values.put(OrderSummarySchema.MAX_P95_MS, "1000");
        values.put(OrderSummarySchema.LABELS, "Create order|Add to cart");
        values.put(OrderSummarySchema.SHOP_URL, "http://127.0.0.1:8000/");
        values.put(OrderSummarySchema.ADMIN_KEY, "s3cret");

        RunSettings settings = RunSettingsReader.read("Order summary", values::get);

        assertThat(settings.plan()).isEqualTo("test1");
        ThresholdLimits limits = settings.limits();
        assertThat(limits.minSuccessRatePct()).isEqualTo(95.0);
        assertThat(limits.maxErrorRatePct()).isEqualTo(2.5);
        assertThat(limits.maxMeanMs()).isEqualTo(500.0);
        assertThat(limits.maxP95Ms()).isEqualTo(1000.0);
        assertThat(limits.checksLabel("Create order")).isTrue();
        assertThat(limits.checksLabel("Log in")).isFalse();
        assertThat(settings.shop().statsUri()).isEqualTo(URI.create("http://127.0.0.1:8000/api/admin/stats"));
        assertThat(settings.shop().adminKey()).isEqualTo("s3cret");
        assertThat(settings.shop().toString()).doesNotContain("s3cret");
    }

    @Test
    void theStatisticsPathReplacesApiMdsWhenGiven() {
        Map<Setting, String> values = values();
        values.put(OrderSummarySchema.SHOP_URL, "https://shop.example:8443");
        values.put(OrderSummarySchema.ADMIN_KEY, "s3cret");
        values.put(OrderSummarySchema.STATS_PATH, " /api/admin/stats/ ");

        RunSettings settings = RunSettingsReader.read("Order summary", values::get);

        assertThat(settings.shop().statsUri()).isEqualTo(URI.create("https://shop.example:8443/api/admin/stats/"));
        values.put(OrderSummarySchema.STATS_PATH, "api/stats");
        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(
                        "Shop statistics path (OrderSummary.statsPath): 'api/stats' is not a path starting with /");
    }

    static Stream<Arguments> unusableValues() {
        return Stream.of(
                Arguments.of(OrderSummarySchema.MIN_SUCCESS_RATE, "ninety", "'ninety' is not a number"),
                Arguments.of(OrderSummarySchema.MIN_SUCCESS_RATE, "-1", "'-1' is not from 0 to 100"),
                Arguments.of(OrderSummarySchema.MIN_SUCCESS_RATE, "101", "'101' is not from 0 to 100"),
                Arguments.of(OrderSummarySchema.MAX_ERROR_RATE, "NaN", "'NaN' is not a number"),
                Arguments.of(OrderSummarySchema.MAX_ERROR_RATE, "5%", "'5%' is not a number"),
                Arguments.of(OrderSummarySchema.MAX_MEAN_MS, "-500", "'-500' is not 0 or more"),
                Arguments.of(OrderSummarySchema.MAX_MEAN_MS, "fast", "'fast' is not a number"),
                Arguments.of(OrderSummarySchema.MAX_P95_MS, "-0.5", "'-0.5' is not 0 or more"),
                Arguments.of(OrderSummarySchema.MAX_P95_MS, "Infinity", "'Infinity' is not a number"),
                Arguments.of(OrderSummarySchema.LABELS, "Create (order", "is not a regular expression"),
                Arguments.of(OrderSummarySchema.OUTPUT_DIR, "", "is empty"),
                Arguments.of(OrderSummarySchema.OUTPUT_DIR, "bad\u0000path", "is not a usable path"));
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused")
    @MethodSource("unusableValues")
    void anUnusableValueIsRefusedNamingTheElementAndTheField(Setting field, String value, String problem) {
        Map<Setting, String> values = values();
        values.put(field, value);

        assertThatThrownBy(() -> RunSettingsReader.read("Orders 500", values::get))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Order summary 'Orders 500': " + field.describe() + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aFolderThatCannotBeCreatedIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Map<Setting, String> values = values();
        values.put(OrderSummarySchema.OUTPUT_DIR, file.resolve("summary").toString());

        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("Summary folder (OrderSummary.outputDir): ")
                .hasMessageContaining("cannot be written");
    }

    static Stream<Arguments> unusableShopUrls() {
        return Stream.of(Arguments.of("127.0.0.1:8000"), Arguments.of("ftp://127.0.0.1/"), Arguments.of("http://"),
                Arguments.of("://8000"), Arguments.of(""));
    }

    @ParameterizedTest(name = "shop URL ''{0}''")
    @MethodSource("unusableShopUrls")
    void anUnusableShopUrlIsRefusedOnlyWhenAnAdminKeyAsksForReconciliation(String url) {
        Map<Setting, String> values = values();
        values.put(OrderSummarySchema.SHOP_URL, url);
        assertThat(RunSettingsReader.read("Order summary", values::get).reconciles()).isFalse();

        values.put(OrderSummarySchema.ADMIN_KEY, "top-secret-key");

        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("Shop base URL (OrderSummary.shopUrl): ")
                .hasMessageNotContaining("top-secret-key");
    }
}
