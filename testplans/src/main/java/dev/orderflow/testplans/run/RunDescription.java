package dev.orderflow.testplans.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run is: written by {@link RunPlans} as run.json in the run directory, the record of what it ran.
 * It holds no secret: the admin key lives only in the JMeter properties file.
 *
 * @param startedAt      when the run started, {@code yyyyMMdd-HHmmss}: the name of each plan's report folder
 * @param ciScale        true when every plan runs at CI scale ({@code ./mvnw -B verify} without -Dplan)
 * @param plans          the plans in the order they run, each with the engines it runs on (none: this JVM)
 * @param target         the shop under test
 * @param loopbackEngines the engines the build starts on this machine (empty when none are needed)
 * @param passed         the plan properties the run sets (scale, duration, timescale)
 * @param controllerRmiHost the address the controller's RMI callbacks name, or null for JMeter's choice
 */
public record RunDescription(
        String startedAt,
        boolean ciScale,
        List<PlannedRun> plans,
        Target target,
        List<LoopbackEngine> loopbackEngines,
        Map<String, String> passed,
        String controllerRmiHost) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A plan of the run and the engines ({@code host:port}, the controller's -R list) it runs on. */
    public record PlannedRun(String name, List<String> engines) {
        public boolean distributed() {
            return !engines.isEmpty();
        }
    }

    /**
     * The shop under test; {@code embedded} when the build started the reference shop for the run,
     * {@code reconciled} when the run has its admin key and so checks the shop's own counts.
     */
    public record Target(String protocol, String host, int port, boolean embedded, boolean reconciled) {
        public String baseUrl() {
            return protocol + "://" + host + ":" + port;
        }
    }

    /**
     * A JMeter engine the build starts on this machine: its RMI registry port and its RMI object port, the
     * address it listens on (its {@code java.rmi.server.hostname}), and the network namespace it runs in, or
     * null for one on 127.0.0.1 beside the others.
     */
    public record LoopbackEngine(int serverPort, int rmiLocalPort, String host, String namespace) {

        /** An engine on 127.0.0.1, in this machine's own network. */
        public LoopbackEngine(int serverPort, int rmiLocalPort) {
            this(serverPort, rmiLocalPort, "127.0.0.1", null);
        }

        public String address() {
            return host + ":" + serverPort;
        }
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static RunDescription read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunDescription.class);
    }
}
