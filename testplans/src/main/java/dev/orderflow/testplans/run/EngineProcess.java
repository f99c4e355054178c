package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One JMeter engine on this machine, started the way a user starts one on a load machine
 * ({@code java -Djava.rmi.server.hostname=ADDRESS -jar bin/ApacheJMeter-5.6.3.jar -s}): in a network
 * namespace of its own with its own address, or on 127.0.0.1 with its own registry and object ports so that
 * several share this machine's network.
 */
final class EngineProcess implements AutoCloseable {

    /** What JMeter's server prints once its engine is bound in the RMI registry. */
    private static final Pattern READY = Pattern.compile("Created remote object");

    private final LoopbackEngine engine;
    private final Process process;
    private final CompletableFuture<?> ready;

    private EngineProcess(LoopbackEngine engine, Process process, CompletableFuture<?> ready) {
        this.engine = engine;
        this.process = process;
        this.ready = ready;
    }

    static EngineProcess start(Path java, JMeterHome home, LoopbackEngine engine, Path outputLog, Path jmeterLog)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (engine.namespace() != null) {
            // as on its own load machine: only its namespace's network, its own address
            command.addAll(List.of("ip", "netns", "exec", engine.namespace()));
        }
        command.addAll(List.of(java.toString(),
                "-Xms128m", "-Xmx1g",
                "-Djava.awt.headless=true",
                "-Djava.rmi.server.hostname=" + engine.host(),
                "-Dserver_port=" + engine.serverPort(),
                "-Dserver.rmi.localport=" + engine.rmiLocalPort(),
                "-jar", home.launcher().toString(),
                "-s",
                "-j", jmeterLog.toString()));
        Process process = new ProcessBuilder(command)
                .directory(home.bin().toFile())
                .redirectErrorStream(true)
                .start();
        return new EngineProcess(engine, process,
                ProcessOutput.follow(process, "engine-" + engine.address(), outputLog, READY));
    }

    CompletableFuture<?> ready() {
        return ready;
    }

    /** Sends the engine SIGTERM without waiting for it to end. */
    void requestStop() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        Processes.stop(process.toHandle(), "the engine " + engine.address());
    }

    @Override
    public String toString() {
        return "engine " + engine.address();
    }
}
