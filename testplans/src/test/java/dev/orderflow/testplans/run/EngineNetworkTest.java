package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineNetworkTest {

    @Test
    void takesTheFirstSubnetNoInterfaceAndNoLeftoverNamespaceUses() {
        String addresses = """
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                2: eth0    inet 10.231.1.7/24 brd 10.231.1.255 scope global eth0
                7: of2br    inet 10.231.2.1/24 scope global of2br
                """;
        String namespaces = "orderflow-3-1\norderflow-3-0 (id: 4)\norderflow-44-0\n";

        assertThat(EngineNetwork.freeSubnet(addresses, namespaces)).isEqualTo(4);
        assertThat(EngineNetwork.freeSubnet("", "")).isEqualTo(1);
    }

    @Test
    void namesFitLinuxInterfaceNamesOfAtMostFifteenCharacters() {
        assertThat(EngineNetwork.bridgeName(254)).hasSizeLessThanOrEqualTo(15);
        assertThat(EngineNetwork.namespaceName(254, 199)).isEqualTo("orderflow-254-199");
    }

    @Test
    void eachEngineReachesThisMachineOnTheBridgeOnlyAndCloseRemovesEverything() throws Exception {
        EngineNetwork network;
        try {
            network = EngineNetwork.create(2);
        } catch (IOException | IllegalStateException e) {
            Assumptions.abort("no network namespaces on this machine (the build then runs its engines on "
                    + "127.0.0.1): " + e.getMessage());
            return;
        }
        String namespace = network.namespace(0);
        try (ServerSocket onBridge = new ServerSocket(0, 1, InetAddress.getByName(network.controllerAddress()));
             ServerSocket onLoopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(network.controllerAddress()).startsWith("10.231.").endsWith(".1");
            assertThat(network.engineAddress(1)).isEqualTo(network.controllerAddress().replaceFirst("1$", "12"));
            assertThat(connectsFrom(namespace, network.controllerAddress(), onBridge.getLocalPort())).isTrue();
            // as on another machine: this machine's loopback is not the engine's
            assertThat(connectsFrom(namespace, "127.0.0.1", onLoopback.getLocalPort())).isFalse();
        } finally {
            network.close();
        }
        assertThat(output("ip", "netns", "list")).doesNotContain(namespace);
        assertThat(output("ip", "-o", "link", "show")).doesNotContain(EngineNetwork.bridgeName(
                Integer.parseInt(namespace.split("-")[1])) + ":");
    }

    @Test
    void whenTheyCannotBeMadeTheReasonNamesTheProgram() {
        assertThatThrownBy(() -> EngineNetwork.create(1, "/nonexistent/ip"))
                .isInstanceOf(IOException.class).hasMessageContaining("/nonexistent/ip");
    }

    private static boolean connectsFrom(String namespace, String host, int port) throws Exception {
        Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "bash", "-c",
                "exec 3<>/dev/tcp/" + host + "/" + port).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0;
    }

    private static String output(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
