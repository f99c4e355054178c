package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JMeter engines a distributed run needs on this machine (each in its network namespace, or on 127.0.0.1),
 * started from the completed JMeter home; closing stops them all.
 */
final class LoopbackEngines implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 120;
    /** JMeter's registry port when an engine of -Dremote names none. */
    private static final int SERVER_PORT_DEFAULT = 1099;

    private final List<EngineProcess> engines = new ArrayList<>();

    /** Starts every wanted engine and waits until each is bound in its registry. */
    static LoopbackEngines start(Path java, JMeterHome home, List<LoopbackEngine> wanted, RunLayout layout)
            throws IOException, InterruptedException {
        LoopbackEngines started = new LoopbackEngines();
        try {
            for (int i = 0; i < wanted.size(); i++) {
                started.engines.add(EngineProcess.start(java, home, wanted.get(i),
                        layout.engineLog(i), layout.runDir().resolve("engine-" + i + ".jmeter.log")));
            }
            CompletableFuture.allOf(started.engines.stream().map(EngineProcess::ready)
                    .toArray(CompletableFuture[]::new)).get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            started.close();
            throw new IllegalStateException("the loopback engines did not start: " + e.getMessage()
                    + " (their output is in " + layout.runDir() + "/engine-*.log)", e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /**
     * Every engine of a plan answers over RMI with SSL, as the controller will reach it, each within seconds:
     * JMeter's controller itself waits for an engine that drops packets until the system gives up on the
     * connection (about 2 minutes), and for one that accepts connections but never answers (hung) forever.
     * Otherwise the plan does not start, and the run stops naming the engines and why.
     */
    static void checkReach(List<String> engines, Path keystore) {
        List<String> unreachable = new ArrayList<>();
        for (String engine : engines) {
            int colon = engine.lastIndexOf(':');
            String host = colon < 0 ? engine : engine.substring(0, colon);
            int port = colon < 0 ? SERVER_PORT_DEFAULT : Integer.parseInt(engine.substring(colon + 1));
            EngineReach.overSsl(host, port, keystore).ifPresentOrElse(unreachable::add,
                    () -> System.out.println("engine " + engine + " reached over RMI with SSL"));
        }
        if (!unreachable.isEmpty()) {
            throw new IllegalStateException(String.join("; ", unreachable));
        }
    }

    /** Each engine the build started refuses RMI without SSL, or the run stops. */
    static void checkSslOnly(List<LoopbackEngine> started) {
        for (LoopbackEngine engine : started) {
            System.out.println("engine " + engine.address() + " refuses RMI without SSL: "
                    + EngineReach.refusalWithoutSsl(engine.host(), engine.serverPort()));
        }
    }

    boolean isEmpty() {
        return engines.isEmpty();
    }

    @Override
    public void close() throws InterruptedException {
        // all at once: each engine takes a moment to end its RMI exports
        engines.forEach(EngineProcess::requestStop);
        for (EngineProcess engine : engines) {
            engine.close();
        }
        engines.clear();
    }

    @Override
    public String toString() {
        return engines.size() + " engines on this machine: " + engines;
    }
}
