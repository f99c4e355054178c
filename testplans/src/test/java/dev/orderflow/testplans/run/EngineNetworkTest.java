package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
