package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunSettingsReaderTest {

    @TempDir
    Path dir;

    private Map<SummaryField, String> values() {
        Map<SummaryField, String> values = new EnumMap<>(SummaryField.class);
        values.put(SummaryField.OUTPUT_DIR, dir.resolve("out").toString());
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
        Map<SummaryField, String> values = values();
        values.put(SummaryField.PLAN, " test1 ");
        values.put(SummaryField.MIN_SUCCESS_RATE, "95");
        values.put(SummaryField.MAX_ERROR_RATE, "2.5");
        values.put(SummaryField.MAX_MEAN_MS, "500");
        values.put(SummaryField.MAX_P95_MS, "1000");
        values.put(SummaryField.LABELS, "Create order|Add to cart");
        values.put(SummaryField.SHOP_URL, "http://127.0.0.1:8000/");
        values.put(SummaryField.ADMIN_KEY, "s3cret");

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
        Map<SummaryField, String> values = values();
        values.put(SummaryField.SHOP_URL, "https://shop.example:8443");
        values.put(SummaryField.ADMIN_KEY, "s3cret");
        values.put(SummaryField.STATS_PATH, " /api/admin/stats/ ");

        RunSettings settings = RunSettingsReader.read("Order summary", values::get);

        assertThat(settings.shop().statsUri()).isEqualTo(URI.create("https://shop.example:8443/api/admin/stats/"));
        values.put(SummaryField.STATS_PATH, "api/stats");
        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(SummaryConfigurationException.class)
                .hasMessageContaining("field 'Shop statistics path' (OrderSummary.statsPath)")
                .hasMessageContaining("must be a path starting with /");
    }

    static Stream<Arguments> unusableValues() {
        return Stream.of(
                Arguments.of(SummaryField.MIN_SUCCESS_RATE, "ninety", "must be a percentage from 0 to 100"),
                Arguments.of(SummaryField.MIN_SUCCESS_RATE, "-1", "must be a percentage from 0 to 100"),
                Arguments.of(SummaryField.MIN_SUCCESS_RATE, "101", "must be a percentage from 0 to 100"),
                Arguments.of(SummaryField.MAX_ERROR_RATE, "NaN", "must be a percentage from 0 to 100"),
                Arguments.of(SummaryField.MAX_ERROR_RATE, "5%", "must be a percentage from 0 to 100"),
                Arguments.of(SummaryField.MAX_MEAN_MS, "-500", "must not be negative"),
                Arguments.of(SummaryField.MAX_MEAN_MS, "fast", "number of milliseconds"),
                Arguments.of(SummaryField.MAX_P95_MS, "-0.5", "must not be negative"),
                Arguments.of(SummaryField.MAX_P95_MS, "Infinity", "number of milliseconds"),
                Arguments.of(SummaryField.LABELS, "Create (order", "is not a regular expression"),
                Arguments.of(SummaryField.OUTPUT_DIR, "", "is empty"),
                Arguments.of(SummaryField.OUTPUT_DIR, "bad\u0000path", "is not a usable path"));
    }

    @ParameterizedTest(name = "{0} = ''{1}'' is refused")
    @MethodSource("unusableValues")
    void anUnusableValueIsRefusedNamingTheElementAndTheField(SummaryField field, String value, String problem) {
        Map<SummaryField, String> values = values();
        values.put(field, value);

        assertThatThrownBy(() -> RunSettingsReader.read("Orders 500", values::get))
                .isInstanceOf(SummaryConfigurationException.class)
                .hasMessageStartingWith("Order summary listener 'Orders 500': field '" + field.label() + "' (" + field.key() + ")")
                .hasMessageContaining(problem);
    }

    @Test
    void aFolderThatCannotBeCreatedIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Map<SummaryField, String> values = values();
        values.put(SummaryField.OUTPUT_DIR, file.resolve("summary").toString());

        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(SummaryConfigurationException.class)
                .hasMessageContaining("field 'Summary folder'")
                .hasMessageContaining("cannot be written");
    }

    static Stream<Arguments> unusableShopUrls() {
        return Stream.of(Arguments.of("127.0.0.1:8000"), Arguments.of("ftp://127.0.0.1/"), Arguments.of("http://"),
                Arguments.of("://8000"), Arguments.of(""));
    }

    @ParameterizedTest(name = "shop URL ''{0}''")
    @MethodSource("unusableShopUrls")
    void anUnusableShopUrlIsRefusedOnlyWhenAnAdminKeyAsksForReconciliation(String url) {
        Map<SummaryField, String> values = values();
        values.put(SummaryField.SHOP_URL, url);
        assertThat(RunSettingsReader.read("Order summary", values::get).reconciles()).isFalse();

        values.put(SummaryField.ADMIN_KEY, "top-secret-key");

        assertThatThrownBy(() -> RunSettingsReader.read("Order summary", values::get))
                .isInstanceOf(SummaryConfigurationException.class)
                .hasMessageContaining("field 'Shop base URL'")
                .hasMessageNotContaining("top-secret-key");
    }
}
