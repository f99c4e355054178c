package dev.orderflow.testplans.plans;

import org.apache.jmeter.util.JMeterUtils;

import java.nio.file.Files;
import java.nio.file.Path;

/** JMeter set up once per test JVM from the JMeter home the build unpacks into target/jmeter-home. */
final class JMeterForTests {

    private static boolean initialised;

    private JMeterForTests() {
    }

    static synchronized void init() {
        if (initialised) {
            return;
        }
        Path home = Path.of(System.getProperty("orderflow.test.jmeterHome", "target/jmeter-home"));
        Path properties = home.resolve("bin").resolve("jmeter.properties");
        if (!Files.isRegularFile(properties)) {
            throw new IllegalStateException(properties + " is missing: run the tests through Maven, which unpacks it");
        }
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(properties.toString());
        JMeterUtils.initLocale();
        initialised = true;
    }

    static Path plansDir() {
        return Path.of(System.getProperty("orderflow.test.plansDir", "src/test/jmeter"));
    }
}
