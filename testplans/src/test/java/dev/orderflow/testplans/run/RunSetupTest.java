package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;
import dev.orderflow.testplans.run.RunDescription.PlannedRun;
import dev.orderflow.testplans.run.RunDescription.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSetupTest {

    private static final Target SHOP = new Target("http", "127.0.0.1", 41000, true, true);
    private static final List<LoopbackEngine> FOUR = RunSetup.loopbackEngines(
            List.of(5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008));

    private static RunOptions options(String... args) {
        return RunOptions.parse(RunOptions.arguments(args));
    }

    @Test
    void ciRunsEveryPlanAtCiScaleWithTheTablesDistributedPlansOnFourLoopbackEngines() {
        RunOptions ci = options("--plan=");
        assertThat(RunSetup.loopbackEnginesNeeded(ci, PlanCatalog.all())).isEqualTo(4);

        RunDescription run = RunSetup.describe(ci, "20250101-000000", SHOP, FOUR);

        assertThat(run.plans()).extracting(PlannedRun::name).containsExactly(
                "test1", "test2", "test3", "test4", "test5", "test6", "test7", "orders-500", "orders-1000", "stepped",
                "soak");
        assertThat(run.plans()).filteredOn(PlannedRun::distributed).extracting(PlannedRun::name)
                .containsExactly("test4", "test5", "test6", "test7");
        assertThat(run.plans().get(3).engines())
                .containsExactly("127.0.0.1:5001", "127.0.0.1:5003", "127.0.0.1:5005", "127.0.0.1:5007");
        assertThat(run.passed()).containsEntry("scale", "0.05").containsEntry("duration", "20")
                .containsEntry("timescale", "0.05");
        assertThat(run.ciScale()).isTrue();
    }

    @Test
    void theReferenceShopLetsThisMachineHoldTwiceTheConnectionsOfTheLargestPlan() {
        // all of a plan's users connect from 127.0.0.1, one connection each; test7 has 10 000 at full scale
        assertThat(RunSetup.shopConnectionsPerAddress(options("--plan=test7"))).isEqualTo(20_000);
        assertThat(RunSetup.shopConnectionsPerAddress(options("--plan=all"))).isEqualTo(20_000);
        assertThat(RunSetup.shopConnectionsPerAddress(options("--plan=test1", "--scale=3"))).isEqualTo(6_000);
        // CI scale: test7's 500 users
        assertThat(RunSetup.shopConnectionsPerAddress(options("--plan="))).isEqualTo(1_000);
        // never below the shop's own default
        assertThat(RunSetup.shopConnectionsPerAddress(options("--plan=test2"))).isEqualTo(256);
    }

    @Test
    void aNamedLocalPlanRunsAloneAtFullScaleWithoutEngines() {
        RunOptions test3 = options("--plan=test3");
        assertThat(RunSetup.loopbackEnginesNeeded(test3, PlanCatalog.select(test3.plan()))).isZero();

        RunDescription run = RunSetup.describe(test3, "20250101-000000", SHOP, List.of());

        assertThat(run.plans()).containsExactly(new PlannedRun("test3", List.of()));
        assertThat(run.passed()).isEmpty();
    }

    @Test
    void engineCountPutsEveryChosenPlanOnThatManyLoopbackEngines() {
        RunOptions options = options("--plan=test3", "--engines=2", "--scale=0.1");
        assertThat(RunSetup.loopbackEnginesNeeded(options, PlanCatalog.select(options.plan()))).isEqualTo(2);

        RunDescription run = RunSetup.describe(options, "s", SHOP, FOUR.subList(0, 2));

        assertThat(run.plans().get(0).engines()).containsExactly("127.0.0.1:5001", "127.0.0.1:5003");
        assertThat(run.passed()).containsExactly(java.util.Map.entry("scale", "0.1"));
    }

    @Test
    void remoteEnginesTakeEveryPlanAndNoLoopbackEngineStarts() {
        RunOptions options = options("--plan=all", "--remote=a:1099,b:1099", "--host=shop.lan", "--port=8000");
        assertThat(RunSetup.loopbackEnginesNeeded(options, PlanCatalog.all())).isZero();

        RunDescription run = RunSetup.describe(options, "s",
                new Target("http", "shop.lan", 8000, false, false), List.of());

        assertThat(run.plans()).allSatisfy(plan -> assertThat(plan.engines()).containsExactly("a:1099", "b:1099"));
        assertThat(RunSetup.controllerJvmOptions(run)).isEmpty();
    }

    @Test
    void realEnginesCallTheControllerBackAtTheAddressGiven() {
        RunOptions options = options("--plan=test4", "--remote=a:1099", "--host=shop.lan", "--rmi_host=10.0.0.5");

        RunDescription run = RunSetup.describe(options, "s",
                new Target("http", "shop.lan", 80, false, false), List.of());

        assertThat(RunSetup.controllerJvmOptions(run)).containsExactly("-Djava.rmi.server.hostname=10.0.0.5");
    }

    @Test
    void enginesGetTheShopTheScaleAndTheControllersEngineListButNotTheAdminKey() {
        RunDescription run = RunSetup.describe(options("--plan="), "s", SHOP, FOUR);

        var engine = RunSetup.engineProperties(run, "/data/users.csv");
        var controller = RunSetup.controllerProperties(run, "/data/users.csv", "/run/admin.key", "/run/summaries");

        assertThat(engine).containsEntry("host", "127.0.0.1").containsEntry("port", "41000")
                .containsEntry("protocol", "http").containsEntry("scale", "0.05")
                .containsEntry("users_csv", "/data/users.csv")
                .containsEntry("orderflow.engines", "127.0.0.1:5001,127.0.0.1:5003,127.0.0.1:5005,127.0.0.1:5007")
                .doesNotContainKeys("admin_key", "admin_key_file");
        var withoutEngineList = new java.util.HashMap<>(engine);
        withoutEngineList.remove("orderflow.engines");
        assertThat(controller).containsAllEntriesOf(withoutEngineList).containsEntry("admin_key_file", "/run/admin.key")
                .doesNotContainKey("admin_key")
                .doesNotContainKey("orderflow.engines").containsEntry("orderflow.summary.exit_on_failure", "false")
                .containsEntry("summary_dir", "/run/summaries").containsEntry("live_view_port", "off")
                .doesNotContainKey("remote_hosts");
        assertThat(RunSetup.controllerJvmOptions(run)).containsExactly("-Djava.rmi.server.hostname=127.0.0.1");
        // an engine started from a copy of the JMeter home must listen on its own address, not the controller's:
        // the controller's address reaches JMeter only through its own JVM options
        assertThat(engine).doesNotContainKey("java.rmi.server.hostname");
        assertThat(controller).doesNotContainKey("java.rmi.server.hostname");
    }

    @Test
    void enginesInNamespacesListenOnTheirOwnAddressesWithTheReadmesPortsAndCallTheControllerOnTheBridge()
            throws Exception {
        List<LoopbackEngine> engines = List.of(
                new LoopbackEngine(1099, 4000, "10.231.3.11", "orderflow-3-0"),
                new LoopbackEngine(1099, 4000, "10.231.3.12", "orderflow-3-1"));
        RunDescription run = RunSetup.describe(options("--plan="), "s",
                new Target("http", "10.231.3.1", 41000, true, true), engines, "10.231.3.1");

        assertThat(run.plans().get(3).engines()).containsExactly("10.231.3.11:1099", "10.231.3.12:1099");
        assertThat(RunSetup.controllerJvmOptions(run)).containsExactly("-Djava.rmi.server.hostname=10.231.3.1");
        assertThat(RunSetup.engineProperties(run, "/u.csv")).containsEntry("host", "10.231.3.1");

        // run.json carries them to the engines unchanged
        Path json = Files.createTempFile("run", ".json");
        try {
            run.write(json);
            assertThat(RunDescription.read(json)).isEqualTo(run);
        } finally {
            Files.delete(json);
        }
    }

    @Test
    void aLocalRunHasNoEngineListAndNoRemoteHosts() {
        RunDescription run = RunSetup.describe(options("--plan=test2"), "s", SHOP, List.of());

        assertThat(RunSetup.controllerProperties(run, null, null, "/s"))
                .doesNotContainKeys("orderflow.engines", "remote_hosts", "admin_key", "admin_key_file", "users_csv");
    }

    @Test
    void refusesAPlanThatDoesNotExistListingThePlansThatDo() {
        assertThatThrownBy(() -> PlanCatalog.select(java.util.Optional.of("test9")))
                .hasMessageContaining("test9").hasMessageContaining("stepped");
    }

    @Test
    void scaledUsersRoundHalfUpAndNeverFallBelowOne() {
        PlanCatalog.Plan test7 = PlanCatalog.named("test7").orElseThrow();
        PlanCatalog.Plan test2 = PlanCatalog.named("test2").orElseThrow();

        assertThat(test7.usersAt(0.05)).isEqualTo(500);
        assertThat(test2.usersAt(0.05)).isEqualTo(1);
        assertThat(test2.usersAt(0.25)).isEqualTo(3);
        assertThat(test2.userLabel()).isEqualTo(PlanCatalog.LOGIN_LABEL);
        assertThat(test7.userLabel()).isEqualTo(PlanCatalog.INDEX_PAGE_LABEL);
        assertThat(test7.fileName()).isEqualTo("test7.jmx");
    }

    @Test
    void theRunDescriptionSurvivesItsJsonFile(@TempDir Path dir) throws Exception {
        RunDescription run = RunSetup.describe(options("--plan="), "20250101-000000", SHOP, FOUR);
        run.write(dir.resolve("run.json"));

        assertThat(RunDescription.read(dir.resolve("run.json"))).isEqualTo(run);
        assertThat(SHOP.baseUrl()).isEqualTo("http://127.0.0.1:41000");
    }

    @Test
    void freePortsAreDistinct() {
        assertThat(FreePorts.take(6)).doesNotHaveDuplicates().hasSize(6);
    }
}
