package dev.orderflow.testplans.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private network on this machine for the engines of a distributed run, so that they run as on separate
 * load machines: a bridge with the controller's address {@code 10.231.N.1} and, per engine, a network
 * namespace joined to it by a veth pair, with the engine's own address {@code 10.231.N.(11 + i)}. Nothing in
 * it is routed off this machine: the namespaces reach only the bridge's address, which is this machine.
 *
 * <p>Made with iproute2's {@code ip} (Linux, root or CAP_NET_ADMIN); {@link #create} says why when it cannot be.
 * Closing deletes the namespaces (their veth pairs go with them) and the bridge.
 */
final class EngineNetwork implements AutoCloseable {

    private static final String PREFIX = "10.231.";
    private static final int FIRST_ENGINE_HOST = 11;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final String ip;
    private final int subnet;
    private final List<String> namespaces;
    private final Duration setupTime;

    private EngineNetwork(String ip, int subnet, List<String> namespaces, Duration setupTime) {
        this.ip = ip;
        this.subnet = subnet;
        this.namespaces = namespaces;
        this.setupTime = setupTime;
    }

    /**
     * Makes the bridge and {@code engines} namespaces on the first 10.231.N.0/24 no interface of this machine
     * uses yet (so that two runs at once, or a namespace a killed run left behind, do not collide).
     *
     * @throws IllegalStateException naming the command that failed and what it printed
     */
    static EngineNetwork create(int engines) throws IOException, InterruptedException {
        return create(engines, "ip");
    }

    /** @param ip the iproute2 program to make them with */
    static EngineNetwork create(int engines, String ip) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int subnet = freeSubnet(run(List.of(ip, "-o", "-4", "addr", "show")), run(List.of(ip, "netns", "list")));
        String bridge = bridgeName(subnet);
        List<String> namespaces = new ArrayList<>();
        EngineNetwork network = new EngineNetwork(ip, subnet, namespaces, Duration.ZERO);
        run(List.of(ip, "link", "add", bridge, "type", "bridge"));
        // from here on the bridge is ours: a failure takes it down with the namespaces made so far
        try {
            run(List.of(ip, "addr", "add", network.controllerAddress() + "/24", "dev", bridge));
            run(List.of(ip, "link", "set", bridge, "up"));
            for (int i = 0; i < engines; i++) {
                String namespace = namespaceName(subnet, i);
                String veth = "of" + subnet + "v" + i;
                run(List.of(ip, "netns", "add", namespace));
                namespaces.add(namespace);
                run(List.of(ip, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace));
                run(List.of(ip, "link", "set", veth, "master", bridge, "up"));
                run(List.of(ip, "-n", namespace, "addr", "add", network.engineAddress(i) + "/24", "dev", "eth0"));
                run(List.of(ip, "-n", namespace, "link", "set", "eth0", "up"));
                run(List.of(ip, "-n", namespace, "link", "set", "lo", "up"));
            }
        } catch (IOException | IllegalStateException e) {
            network.close();
            throw e;
        }
        return new EngineNetwork(ip, subnet, namespaces, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The first N in 10.231.N.0/24 (1–254) that no address in {@code ip -o -4 addr show}'s output is in and
     * no namespace in {@code ip netns list}'s output is named after.
     */
    static int freeSubnet(String addresses, String namespaces) {
        for (int n = 1; n < 255; n++) {
            String firstNamespace = namespaceName(n, 0);
            if (!addresses.contains(" " + PREFIX + n + ".")
                    && namespaces.lines().noneMatch(line -> line.startsWith(firstNamespace))) {
                return n;
            }
        }
        throw new IllegalStateException("every 10.231.N.0/24 is in use on this machine");
    }

    static String bridgeName(int subnet) {
        return "of" + subnet + "br";
    }

    static String namespaceName(int subnet, int engine) {
        return "orderflow-" + subnet + "-" + engine;
    }

    /** This machine's address on the bridge: the controller's RMI callbacks and the shop listen on it. */
    String controllerAddress() {
        return PREFIX + subnet + ".1";
    }

    String engineAddress(int engine) {
        return PREFIX + subnet + "." + (FIRST_ENGINE_HOST + engine);
    }

    String namespace(int engine) {
        return namespaces.get(engine);
    }

    int engines() {
        return namespaces.size();
    }

    Duration setupTime() {
        return setupTime;
    }

    @Override
    public void close() throws InterruptedException {
        for (String namespace : namespaces) {
            quietly(List.of(ip, "netns", "del", namespace));
        }
        quietly(List.of(ip, "link", "del", bridgeName(subnet)));
    }

    @Override
    public String toString() {
        return "bridge " + bridgeName(subnet) + " " + controllerAddress() + " with namespaces " + namespaces;
    }

    private static void quietly(List<String> command) throws InterruptedException {
        try {
            run(command);
        } catch (IOException | IllegalStateException e) {
            System.err.println("engine network: " + e.getMessage());
        }
    }

    /** Runs one {@code ip} command and returns its output; a non-zero exit throws with the command and output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("orderflow-ip", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` did not end within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed (exit "
                        + process.exitValue() + "): " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
