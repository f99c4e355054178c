package dev.orderflow.jmeter.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.flow.LoadPlanNotice;
import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.flow.VirtualUser;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.LoopbackCluster;
import dev.orderflow.jmeter.threads.cluster.EngineLocator;

/**
 * A distributed run on loopback: two JMeter engines and a controller, each its own JVM, talking RMI over SSL
 * with a keystore made by the JDK's keytool. The controller passes its -R list with -Gorderflow.engines.
 * The cluster as a whole must run the plan's users, each with a number no other user has.
 */
class OrderFlowThreadGroupDistributedTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private final LoopbackCluster cluster = new LoopbackCluster();

    @AfterEach
    void stopEveryJvmStarted() throws InterruptedException {
        cluster.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoEnginesRunTheClustersUsersBetweenThemWithUniqueUserNumbers(@TempDir Path work) throws Exception {
        JMeterEnvironment.init();
        Path keystore = LoopbackCluster.createKeystore(work);
        int users = 10;
        Path plan = writePlan(work, users);
        LoopbackCluster.Engines started = cluster.startEngines(work, keystore, 2, START_TIMEOUT);
        List<String> remotes = started.addresses();
        List<LoopbackCluster.Child> engines = started.children();
        String remoteList = started.remoteList();
        Path results = work.resolve("results.csv");
        LoopbackCluster.Child controller = cluster.start(work, "controller", keystore, null,
                "-Djava.rmi.server.hostname=127.0.0.1",
                "org.apache.jmeter.NewDriver", "-n", "-t", plan.toString(), "-l", results.toString(),
                "-R", remoteList, "-G" + EngineLocator.ENGINES_PROPERTY + "=" + remoteList,
                "-Gsample_variables=" + VirtualUser.USER_NUMBER_VAR + "," + VirtualUser.ENGINE_VAR,
                "-Jsample_variables=" + VirtualUser.USER_NUMBER_VAR + "," + VirtualUser.ENGINE_VAR,
                "-Jjmeter.save.saveservice.output_format=csv", "-X");

        assertThat(controller.process().waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("controller done\n%s", controller.output()).isTrue();

        List<Map<String, String>> lines = LoopbackCluster.readCsv(results);
        String context = "\ncontroller:\n" + controller.output() + "\nengine0:\n" + engines.get(0).output()
                + "\nengine1:\n" + engines.get(1).output();
        // each engine's thread group reported its load to the controller: one line each, both held
        // and announced the plan it followed when it started, which the controller's live view draws
        List<Map<String, String>> accounts = lines.stream()
                .filter(r -> LoadReport.LABEL.equals(r.get("label"))).toList();
        assertThat(accounts).as("plans announced" + context)
                .filteredOn(r -> LoadPlanNotice.CODE.equals(r.get("responseCode"))).hasSize(2);
        assertThat(accounts).as("load reports" + context)
                .filteredOn(r -> !LoadPlanNotice.CODE.equals(r.get("responseCode"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("responseCode")).isEqualTo(LoadReport.HELD_CODE));
        List<Map<String, String>> samples = lines.stream()
                .filter(r -> !LoadReport.LABEL.equals(r.get("label"))).toList();
        assertThat(samples).as("samples" + context).isNotEmpty();
        assertThat(samples.get(0)).as("columns of %s%s", Files.readAllLines(results).subList(0, 2), context)
                .containsKeys(VirtualUser.USER_NUMBER_VAR, VirtualUser.ENGINE_VAR, "threadName", "grpThreads");
        Map<String, Set<String>> numbersByThread = samples.stream().collect(Collectors.groupingBy(
                // Engines prefix their thread names with their host:port, so names are unique in the cluster.
                s -> s.get("threadName"),
                Collectors.mapping(s -> s.get(VirtualUser.USER_NUMBER_VAR), Collectors.toSet())));
        // Every user kept one number; the cluster ran exactly the plan's users, numbered 0 … users − 1.
        assertThat(numbersByThread.values()).allSatisfy(numbers -> assertThat(numbers).hasSize(1));
        List<String> numbers = numbersByThread.values().stream().map(n -> n.iterator().next()).toList();
        assertThat(numbers).hasSize(users).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, users).mapToObj(Integer::toString).toList());
        // Each engine ran its half: at most 5 of its users active at once, and the engines' peaks add up to the plan.
        Map<String, Integer> peakByEngine = samples.stream().collect(Collectors.groupingBy(
                s -> s.get(VirtualUser.ENGINE_VAR),
                Collectors.collectingAndThen(Collectors.toList(), rows -> rows.stream()
                        .mapToInt(r -> Integer.parseInt(r.get("grpThreads"))).max().orElse(0))));
        assertThat(peakByEngine).containsOnlyKeys("0", "1");
        assertThat(peakByEngine.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(users);
        assertThat(peakByEngine).allSatisfy((engine, peak) -> assertThat(peak).isEqualTo(users / 2));
        // User k runs on engine k mod 2.
        assertThat(samples).allSatisfy(s -> assertThat(Integer.parseInt(s.get(VirtualUser.USER_NUMBER_VAR)) % 2)
                .isEqualTo(Integer.parseInt(s.get(VirtualUser.ENGINE_VAR))));
    }

    /** Users that loop for three seconds, so that all of them are active together. */
    private static Path writePlan(Path work, int users) throws IOException {
        OrderFlowThreadGroup group = OrderFlowThreadGroupPersistenceTest.plain(
                ThreadGroupPlans.users("distributed", users, 20, "3", ""));
        group.setProperty(TestElement.GUI_CLASS, "dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui");
        PausingSampler sampler = PausingSampler.pausing(100);
        sampler.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.testbeans.gui.TestBeanGUI");
        HashTree tree = ThreadGroupPlans.plan(group, sampler);
        Object testPlan = tree.getArray()[0];
        ((TestElement) testPlan).setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.control.gui.TestPlanGui");
        Path plan = work.resolve("distributed.jmx");
        try (OutputStream out = Files.newOutputStream(plan)) {
            SaveService.saveTree(tree, out);
        }
        return plan;
    }

}
