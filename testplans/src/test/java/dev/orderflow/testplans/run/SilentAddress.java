package dev.orderflow.testplans.run;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An address on this machine that drops every packet without a word, as a firewall's DROP rule does: an engine
 * namespace of its own ({@link EngineNetwork}) whose way back to this machine is a blackhole route, so that no
 * SYN-ACK and no reset ever comes back. Nothing leaves this machine.
 */
final class SilentAddress implements AutoCloseable {

    private final EngineNetwork network;

    private SilentAddress(EngineNetwork network) {
        this.network = network;
    }

    static SilentAddress create() throws IOException, InterruptedException {
        EngineNetwork network = EngineNetwork.create(1);
        try {
            Process route = new ProcessBuilder(List.of("ip", "-n", network.namespace(0), "route", "add", "blackhole",
                    network.controllerAddress() + "/32")).inheritIO().start();
            if (!route.waitFor(10, TimeUnit.SECONDS) || route.exitValue() != 0) {
                throw new IllegalStateException("the blackhole route in " + network.namespace(0) + " was not made");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            network.close();
            throw e;
        }
        return new SilentAddress(network);
    }

    String address() {
        return network.engineAddress(0);
    }

    @Override
    public void close() throws InterruptedException {
        network.close();
    }
}
