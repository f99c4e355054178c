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

import dev.orderflow.jmeter.http.RequestTargets;

/**
 * Turns the listener's field values (functions already evaluated) into {@link RunSettings}, refusing any
 * value that cannot be used with a message naming the element and the field. An empty limit is off.
 */
public final class RunSettingsReader {

    private final String elementName;
    private final Function<SummaryField, String> values;

    private RunSettingsReader(String elementName, Function<SummaryField, String> values) {
        this.elementName = elementName;
        this.values = values;
    }

    /**
     * Reads and checks every field; creates the summary folder when it does not exist yet.
     *
     * @throws SummaryConfigurationException naming the first field that cannot be used
     */
    public static RunSettings read(String elementName, Function<SummaryField, String> values) {
        return new RunSettingsReader(elementName, values).read();
    }

    private RunSettings read() {
        ThresholdLimits limits = new ThresholdLimits(
                percentage(SummaryField.MIN_SUCCESS_RATE),
                percentage(SummaryField.MAX_ERROR_RATE),
                milliseconds(SummaryField.MAX_MEAN_MS),
                milliseconds(SummaryField.MAX_P95_MS),
                labels(),
                maxLoginFailures());
        return new RunSettings(elementName, outputDir(), value(SummaryField.PLAN), limits, shop());
    }

    private String value(SummaryField field) {
        String value = values.apply(field);
        return value == null ? "" : value.trim();
    }

    private Path outputDir() {
        String text = value(SummaryField.OUTPUT_DIR);
        if (text.isEmpty()) {
            throw refuse(SummaryField.OUTPUT_DIR, "is empty: name the folder summary.json is written to");
        }
        Path dir;
        try {
            dir = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw refuse(SummaryField.OUTPUT_DIR, "is not a usable path: '" + text + "'");
        }
        try {
            Files.createDirectories(dir);
            // a probe file rather than Files.isWritable: the latter says yes to root for read-only folders
            Path probe = Files.createTempFile(dir, ".orderflow-summary-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw refuse(SummaryField.OUTPUT_DIR, "names a folder that cannot be written: " + dir + " (" + e + ")");
        }
        return dir;
    }

    /** Empty allows none: a run whose users could not log in did not run its planned load. */
    private long maxLoginFailures() {
        String text = value(SummaryField.MAX_LOGIN_FAILURES);
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long limit = Long.parseLong(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below with the value quoted
        }
        throw refuse(SummaryField.MAX_LOGIN_FAILURES, "must be a whole number of at least 0, or empty for none, not '"
                + text + "'");
    }

    private Double percentage(SummaryField field) {
        Double pct = number(field, "a percentage from 0 to 100, or empty for no limit");
        if (pct != null && (pct < 0 || pct > 100)) {
            throw refuse(field, "must be a percentage from 0 to 100, or empty for no limit, not '" + value(field) + "'");
        }
        return pct;
    }

    private Double milliseconds(SummaryField field) {
        Double ms = number(field, "a number of milliseconds of at least 0, or empty for no limit");
        if (ms != null && ms < 0) {
            throw refuse(field, "must not be negative: '" + value(field) + "' (empty means no limit)");
        }
        return ms;
    }

    private Double number(SummaryField field, String expected) {
        String text = value(field);
        if (text.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below with the value quoted
        }
        throw refuse(field, "must be " + expected + ", not '" + text + "'");
    }

    private Pattern labels() {
        String text = value(SummaryField.LABELS);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw refuse(SummaryField.LABELS, "is not a regular expression: '" + text + "' (" + e.getDescription() + ")");
        }
    }

    private ShopTarget shop() {
        String key = value(SummaryField.ADMIN_KEY);
        if (key.isEmpty()) {
            return null;
        }
        String text = value(SummaryField.SHOP_URL);
        String usage = "must be an http:// or https:// URL such as http://127.0.0.1:8000 when an admin key is set, not '"
                + text + "'";
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return new ShopTarget(uri, key, statsPath());
            }
        } catch (URISyntaxException e) {
            // refused below with the value quoted
        }
        throw refuse(SummaryField.SHOP_URL, usage);
    }

    private String statsPath() {
        String path = value(SummaryField.STATS_PATH);
        if (path.isEmpty()) {
            return ShopTarget.DEFAULT_STATS_PATH;
        }
        if (!RequestTargets.isValid(path)) {
            throw refuse(SummaryField.STATS_PATH, "must be a path starting with / and without spaces, such as "
                    + ShopTarget.DEFAULT_STATS_PATH + " (or /api/admin/stats/ for a shop whose routes end in /), not '" + path + "'");
        }
        return path;
    }

    private SummaryConfigurationException refuse(SummaryField field, String problem) {
        return new SummaryConfigurationException(elementName, field, problem);
    }
}
