package dev.orderflow.jmeter.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

/**
 * A JMeter home for tests that run JMeter's own engine in-process.
 *
 * <p>The build unpacks JMeter's {@code bin/} configuration (jmeter.properties, saveservice.properties …)
 * into {@code target/jmeter-home} and passes its path as {@code orderflow.test.jmeterHome}.
 */
public final class JMeterEnvironment {

    private static boolean initialised;

    private JMeterEnvironment() {
    }

    /** Points JMeter at the test home and loads its properties, once per JVM. */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        Path home = home();
        Path properties = home.resolve("bin/jmeter.properties");
        if (!Files.isRegularFile(properties)) {
            throw new IllegalStateException("no JMeter home for tests at " + home + ": run the build's generate-test-resources phase");
        }
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(properties.toString());
        JMeterUtils.initLocale();
        initialised = true;
    }

    /** The JMeter home of the tests: JMeter's {@code bin/} configuration unpacked by the build. */
    public static Path home() {
        return Path.of(System.getProperty("orderflow.test.jmeterHome", "target/jmeter-home")).toAbsolutePath();
    }

    /** The folder of the users.csv and products.csv the tests use. */
    public static Path csvData() {
        return Path.of(System.getProperty("orderflow.test.csvData", "../csv-data")).toAbsolutePath();
    }

    /**
     * Runs a test plan on JMeter's standard engine in this JVM and returns when the test has ended.
     * A run that outlives the timeout is stopped hard and fails the calling test.
     */
    public static void run(HashTree plan, Duration timeout) throws Exception {
        init();
        StandardJMeterEngine engine = new StandardJMeterEngine();
        engine.configure(plan);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "jmeter-engine-under-test"));
        try {
            Future<?> done = runner.submit(engine);
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                engine.stopTest(true);
                done.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the test plan was still running after " + timeout, e);
            }
        } finally {
            runner.shutdownNow();
        }
    }
}
