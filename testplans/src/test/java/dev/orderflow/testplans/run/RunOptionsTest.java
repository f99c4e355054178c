package dev.orderflow.testplans.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunOptionsTest {

    private static RunOptions parse(String... args) {
        return RunOptions.parse(RunOptions.arguments(args));
    }

    @Test
    void emptyValuesMeanNotGivenAndRunEveryPlanAtCiScaleAgainstTheReferenceShop() {
        RunOptions options = parse("--run-dir=/tmp/x", "--plan=", "--host=", "--port=", "--engines=", "--remote=");

        assertThat(options.ciScale()).isTrue();
        assertThat(options.embeddedShop()).isTrue();
        assertThat(options.remote()).isEmpty();
        assertThat(options.engines()).isEmpty();
    }

    @Test
    void readsEveryOptionTheReadmeNames() {
        RunOptions options = parse("--plan=test3", "--host=shop.example", "--port=8443", "--protocol=https",
                "--admin_key=k", "--engines=4", "--scale=0.5", "--duration=30", "--timescale=0.1");

        assertThat(options.plan()).contains("test3");
        assertThat(options.host()).contains("shop.example");
        assertThat(options.port()).contains(8443);
        assertThat(options.protocol()).contains("https");
        assertThat(options.adminKey()).contains("k");
        assertThat(options.engines()).contains(4);
        assertThat(options.scale()).contains("0.5");
        assertThat(options.duration()).contains("30");
        assertThat(options.timescale()).contains("0.1");
        assertThat(options.ciScale()).isFalse();
        assertThat(options.embeddedShop()).isFalse();
    }

    @Test
    void splitsTheRemoteEngineList() {
        assertThat(parse("--remote=10.0.0.1:1099, 10.0.0.2:1099").remote())
                .containsExactly("10.0.0.1:1099", "10.0.0.2:1099");
    }

    @Test
    void refusesAPortThatIsNotAPositiveNumberNamingTheOption() {
        assertThatThrownBy(() -> parse("--host=h", "--port=eighty"))
                .hasMessageContaining("-Dport").hasMessageContaining("eighty");
        assertThatThrownBy(() -> parse("--engines=0")).hasMessageContaining("-Dengines");
    }

    @Test
    void refusesLoopbackEnginesAndRemoteEnginesTogether() {
        assertThatThrownBy(() -> parse("--engines=2", "--remote=h:1099")).hasMessageContaining("give one of them");
    }

    @Test
    void takesTheAdminKeyFromTheEnvironmentTheBuildPassesItInBeforeTheUsersOwn() {
        Map<String, String> both = Map.of("ORDERFLOW_RUN_ADMIN_KEY", "from-mvn", "ORDERFLOW_ADMIN_KEY", "from-user");
        Map<String, String> user = Map.of("ORDERFLOW_RUN_ADMIN_KEY", "", "ORDERFLOW_ADMIN_KEY", "from-user");

        assertThat(RunOptions.parse(RunOptions.withAdminKey(Map.of("host", "shop"), both)).adminKey())
                .contains("from-mvn");
        assertThat(RunOptions.parse(RunOptions.withAdminKey(Map.of("host", "shop"), user)).adminKey())
                .contains("from-user");
        assertThat(RunOptions.parse(RunOptions.withAdminKey(Map.of("host", "shop"), Map.of())).adminKey()).isEmpty();
    }

    @Test
    void leavesTheUsersOwnAdminKeyAsideForTheReferenceShopButRefusesAGivenOneWithoutHost() {
        RunOptions embedded = RunOptions.parse(RunOptions.withAdminKey(Map.of("host", ""),
                Map.of("ORDERFLOW_ADMIN_KEY", "from-user")));

        assertThat(embedded.embeddedShop()).isTrue();
        assertThat(embedded.adminKey()).isEmpty();
        assertThatThrownBy(() -> RunOptions.parse(RunOptions.withAdminKey(Map.of(),
                Map.of("ORDERFLOW_RUN_ADMIN_KEY", "from-mvn")))).hasMessageContaining("-Dhost");
    }

    @Test
    void refusesAPortOrAdminKeyWithoutAHostBecauseTheReferenceShopPicksItsOwn() {
        assertThatThrownBy(() -> parse("--port=8000")).hasMessageContaining("-Dhost");
        assertThatThrownBy(() -> parse("--admin_key=k")).hasMessageContaining("-Dhost");
    }

    @Test
    void refusesMalformedRemoteEnginesProtocolsAndScales() {
        assertThatThrownBy(() -> parse("--remote=justahost")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> parse("--protocol=ftp")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> parse("--scale=-1")).hasMessageContaining("-Dscale");
        assertThatThrownBy(() -> parse("--scale=lots")).hasMessageContaining("lots");
    }

    @Test
    void refusesArgumentsThatAreNotNameValuePairs() {
        assertThatThrownBy(() -> RunOptions.arguments(new String[] {"plan"})).hasMessageContaining("--name=value");
    }

    @Test
    void ignoresTheHostsOwnArguments() {
        RunOptions options = RunOptions.parse(Map.of("run-dir", "/x", "root", "/y"));
        assertThat(options).isEqualTo(new RunOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }
}
