package dev.orderflow.jmeter.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
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
            throw new IllegalStateException("no JMeter home for tests at " + home
                    + ": run the build's generate-test-resources phase");
        }
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(properties.toString());
        JMeterUtils.initLocale();
        findFunctionsOnTheClassPath();
        initialised = true;
    }

    /** The JMeter home of the tests: JMeter's {@code bin/} configuration unpacked by the build. */
    public static Path home() {
        return Path.of(System.getProperty("orderflow.test.jmeterHome", "target/jmeter-home")).toAbsolutePath();
    }

    /**
     * JMeter finds its functions (__P, __property …) by scanning lib/ext, which the test home has not got:
     * point its search at the functions jar on the test class path, when there is one.
     */
    private static void findFunctionsOnTheClassPath() {
        try {
            Class<?> function = Class.forName("org.apache.jmeter.functions.Property");
            Path jar = Path.of(function.getProtectionDomain().getCodeSource().getLocation().toURI());
            JMeterUtils.setProperty("search_paths", jar.toString());
        } catch (ClassNotFoundException e) {
            // No functions jar: plans in tests use no functions.
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
        try (RunningTest test = start(plan)) {
            test.awaitEnd(timeout);
        }
    }

    /**
     * Starts a test plan on JMeter's standard engine in this JVM and returns at once, so that a test can
     * act on the running test (stop it, say) before waiting for its end.
     */
    public static RunningTest start(HashTree plan) {
        init();
        StandardJMeterEngine engine = new StandardJMeterEngine();
        engine.configure(plan);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "jmeter-engine-under-test"));
        return new RunningTest(engine, runner, runner.submit(engine));
    }

    /** A test plan running in this JVM; closing it stops it hard if it is still running. */
    public static final class RunningTest implements AutoCloseable {
        private final StandardJMeterEngine engine;
        private final ExecutorService runner;
        private final Future<?> done;

        private RunningTest(StandardJMeterEngine engine, ExecutorService runner, Future<?> done) {
            this.engine = engine;
            this.runner = runner;
            this.done = done;
        }

        /** Stops the test the way JMeter's Stop (now) or Shutdown (not now) buttons do. */
        public void stopTest(boolean now) {
            engine.stopTest(now);
        }

        /** Waits for the end of the test; one that outlives the timeout is stopped hard and fails the calling test. */
        public void awaitEnd(Duration timeout) throws Exception {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                engine.stopTest(true);
                done.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the test plan was still running after " + timeout, e);
            }
        }

        @Override
        public void close() throws ExecutionException, TimeoutException {
            try {
                if (!done.isDone()) {
                    engine.stopTest(true);
                    done.get(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the test plan", e);
            } finally {
                runner.shutdownNow();
            }
        }
    }
}
