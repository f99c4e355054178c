package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.SettingsReader;
import dev.orderflow.jmeter.http.RequestTargets;

/**
 * Turns the listener's field values (functions already evaluated) into {@link RunSettings} through the one
 * settings reader: every value that cannot be used is named, with the element, in one refusal. An empty limit is off.
 */
public final class RunSettingsReader {

    private final SettingsReader read;

    private RunSettingsReader(SettingsReader read) {
        this.read = read;
    }

    /**
     * Reads and checks every field; creates the summary folder when it does not exist yet.
     *
     * @param values each field's value; null counts as empty
     * @throws InvalidSettingsException naming the element and every field that cannot be used
     */
    public static RunSettings read(String elementName, Function<Setting, String> values) {
        return new RunSettingsReader(SettingsReader.of(OrderSummarySchema.INSTANCE, elementName, setting -> {
            String value = values.apply(setting);
            return value == null ? "" : value;
        })).read();
    }

    private RunSettings read() {
        ThresholdLimits limits = new ThresholdLimits(
                read.optionalNumber(OrderSummarySchema.MIN_SUCCESS_RATE, 0, 100),
                read.optionalNumber(OrderSummarySchema.MAX_ERROR_RATE, 0, 100),
                read.optionalNumber(OrderSummarySchema.MAX_MEAN_MS, 0, Double.POSITIVE_INFINITY),
                read.optionalNumber(OrderSummarySchema.MAX_P95_MS, 0, Double.POSITIVE_INFINITY),
                labels(),
                maxLoginFailures());
        String plan = read.text(OrderSummarySchema.PLAN);
        ShopTarget shop = shop();
        Path outputDir = outputDir();
        read.check();
        return new RunSettings(read.elementName(), outputDir, plan, limits, shop);
    }

    /** The folder, created and probed. */
    private Path outputDir() {
        String text = read.text(OrderSummarySchema.OUTPUT_DIR);
        if (text.isEmpty()) {
            read.problem(OrderSummarySchema.OUTPUT_DIR, "is empty: name the folder summary.json is written to");
            return null;
        }
        Path dir;
        try {
            dir = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            read.problem(OrderSummarySchema.OUTPUT_DIR, "'" + text + "' is not a usable path");
            return null;
        }
        try {
            Files.createDirectories(dir);
            // a probe file rather than Files.isWritable: the latter says yes to root for read-only folders
            Path probe = Files.createTempFile(dir, ".orderflow-summary-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            read.problem(OrderSummarySchema.OUTPUT_DIR, "names a folder that cannot be written: " + dir
                    + " (" + e + ")");
            return null;
        }
        return dir;
    }

    /** Empty allows none: a run whose users could not log in did not run its planned load. */
    private long maxLoginFailures() {
        Long limit = read.optionalInteger(OrderSummarySchema.MAX_LOGIN_FAILURES, 0, Long.MAX_VALUE);
        return limit == null ? 0 : limit;
    }

    private Pattern labels() {
        String text = read.text(OrderSummarySchema.LABELS);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            read.problem(OrderSummarySchema.LABELS, "'" + text + "' is not a regular expression ("
                    + e.getDescription() + ")");
            return null;
        }
    }

    private ShopTarget shop() {
        String key = read.text(OrderSummarySchema.ADMIN_KEY);
        if (key.isEmpty()) {
            return null;
        }
        String text = read.text(OrderSummarySchema.SHOP_URL);
        String path = statsPath();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return new ShopTarget(uri, key, path);
            }
        } catch (URISyntaxException e) {
            // refused below with the value quoted
        }
        read.problem(OrderSummarySchema.SHOP_URL, "'" + text + "' is not an http:// or https:// URL such as"
                + " http://127.0.0.1:8000, which an admin key needs");
        return null;
    }

    private String statsPath() {
        String path = read.text(OrderSummarySchema.STATS_PATH);
        if (path.isEmpty()) {
            return ShopTarget.DEFAULT_STATS_PATH;
        }
        if (!RequestTargets.isValid(path)) {
            read.problem(OrderSummarySchema.STATS_PATH, "'" + path
                    + "' is not a path starting with / and without spaces,"
                    + " such as " + ShopTarget.DEFAULT_STATS_PATH
                    + " (or /api/admin/stats/ for a shop whose routes end in /)");
        }
        return path;
    }
}
