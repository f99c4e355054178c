package dev.orderflow.jmeter.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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

import dev.orderflow.jmeter.flow.LoadReport;
import dev.orderflow.jmeter.flow.VirtualUser;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

/**
 * A distributed run on loopback: two JMeter engines and a controller, each its own JVM, talking RMI over SSL
 * with a keystore made by the JDK's keytool. The controller passes its -R list with -Gorderflow.engines.
 * The cluster as a whole must run the plan's users, each with a number no other user has.
 */
class OrderFlowThreadGroupDistributedTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEveryJvmStarted() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoEnginesRunTheClustersUsersBetweenThemWithUniqueUserNumbers(@TempDir Path work) throws Exception {
        JMeterEnvironment.init();
        Path keystore = createKeystore(work);
        int users = 10;
        Path plan = writePlan(work, users);
        List<String> remotes = new ArrayList<>();
        List<Child> engines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            remotes.add("127.0.0.1:" + port);
            engines.add(start(work, "engine" + i, keystore, "Created remote object",
                    "-Djava.rmi.server.hostname=127.0.0.1",
                    "org.apache.jmeter.NewDriver", "-s",
                    "-Jserver_port=" + port, "-Jserver.rmi.localport=" + freePort()));
        }
        for (Child engine : engines) {
            assertThat(engine.awaitReady(START_TIMEOUT)).as("engine ready\n%s", engine.output()).isTrue();
        }
        String remoteList = String.join(",", remotes);
        Path results = work.resolve("results.csv");
        Child controller = start(work, "controller", keystore, null,
                "-Djava.rmi.server.hostname=127.0.0.1",
                "org.apache.jmeter.NewDriver", "-n", "-t", plan.toString(), "-l", results.toString(),
                "-R", remoteList, "-G" + OrderFlowThreadGroupSchema.ENGINES_PROPERTY + "=" + remoteList,
                "-Gsample_variables=" + VirtualUser.USER_NUMBER_VAR + "," + VirtualUser.ENGINE_VAR,
                "-Jsample_variables=" + VirtualUser.USER_NUMBER_VAR + "," + VirtualUser.ENGINE_VAR,
                "-Jjmeter.save.saveservice.output_format=csv", "-X");

        assertThat(controller.process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("controller done\n%s", controller.output()).isTrue();

        List<Map<String, String>> lines = readCsv(results);
        String context = "\ncontroller:\n" + controller.output() + "\nengine0:\n" + engines.get(0).output()
                + "\nengine1:\n" + engines.get(1).output();
        // each engine's thread group reported its load to the controller: one line each, both held
        List<Map<String, String>> loadReports = lines.stream().filter(r -> LoadReport.LABEL.equals(r.get("label"))).toList();
        assertThat(loadReports).as("load reports" + context).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("responseCode")).isEqualTo(LoadReport.HELD_CODE));
        List<Map<String, String>> samples = lines.stream().filter(r -> !LoadReport.LABEL.equals(r.get("label"))).toList();
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
        OrderFlowThreadGroup group = OrderFlowThreadGroupPersistenceTest.plain(ThreadGroupPlans.users("distributed", users, 20, "3", ""));
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

    private static Path createKeystore(Path work) throws Exception {
        Path keystore = work.resolve("rmi_keystore.jks");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "rmi", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=orderflow loopback test",
                "-keystore", keystore.toString(), "-storetype", "JKS", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return keystore;
    }

    private Child start(Path work, String name, Path keystore, String readyLine, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-Djmeter.home=" + Path.of(System.getProperty("orderflow.test.jmeterHome", "target/jmeter-home")).toAbsolutePath());
        int main = Arrays.asList(arguments).indexOf("org.apache.jmeter.NewDriver");
        command.addAll(Arrays.asList(arguments).subList(0, main + 1));
        command.add("-j");
        command.add(work.resolve(name + ".log").toString());
        command.add("-Jserver.rmi.ssl.keystore.file=" + keystore);
        command.add("-Jserver.rmi.ssl.truststore.file=" + keystore);
        command.addAll(Arrays.asList(arguments).subList(main + 1, arguments.length));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        processes.add(process);
        return new Child(process, readyLine);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        // JMeter quotes the names of saved variables (they may contain commas).
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(h -> h.replace("\"", "")).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.add(IntStream.range(0, header.size()).boxed()
                    .collect(Collectors.toMap(header::get, i -> i < cells.length ? cells[i] : "")));
        }
        return rows;
    }

    /** A child JVM whose output is collected, ready once a given line appears. */
    private static final class Child {
        final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch ready = new CountDownLatch(1);

        Child(Process process, String readyLine) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        if (readyLine != null && line.contains(readyLine)) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    lines.add("(output lost: " + e + ")");
                }
            }, "output of " + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        boolean awaitReady(Duration timeout) throws InterruptedException {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
