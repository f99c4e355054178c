package dev.orderflow.jmeter.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the charting library (uPlot, from its WebJar, packed into the plugin jar by the build) lies on the class
 * path: its version comes from the build, so upgrading it is one line in the plugin's pom.
 */
final class ChartLibrary {

    private static final String VERSION = readVersion();

    private ChartLibrary() {
    }

    /** The class path resource of one file of uPlot's {@code dist} folder. */
    static String path(String file) {
        return "/META-INF/resources/webjars/uplot/" + VERSION + "/dist/" + file;
    }

    private static String readVersion() {
        try (InputStream in = ChartLibrary.class.getResourceAsStream("/dev/orderflow/jmeter/live/webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks dev/orderflow/jmeter/live/webjars.properties");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("uplot.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
