package dev.orderflow.jmeter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * JMeter engines and controllers of a distributed test, each a JVM of its own on loopback, talking RMI over SSL
 * with a keystore made by the JDK's keytool. {@link #close()} ends every JVM it started.
 */
public final class LoopbackCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    /** An RMI keystore made with the JDK's keytool, for engines and controller alike. */
    public static Path createKeystore(Path work) throws Exception {
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

    /**
     * Starts a JMeter JVM on the test class path: {@code arguments} are JVM options, then
     * {@code org.apache.jmeter.NewDriver}, then JMeter's; it is ready once {@code readyLine} appears (null: never).
     */
    public Child start(Path work, String name, Path keystore, String readyLine, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-Djmeter.home="
                + Path.of(System.getProperty("orderflow.test.jmeterHome", "target/jmeter-home")).toAbsolutePath());
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

    /**
     * JMeter engines started as {@code jmeter -s} would be, on 127.0.0.1, and the addresses a controller's -R names.
     */
    public record Engines(List<Child> children, List<String> addresses) {

        public String remoteList() {
            return String.join(",", addresses);
        }
    }

    /** Starts {@code count} engines on free ports and waits until each has created its remote object. */
    public Engines startEngines(Path work, Path keystore, int count, Duration startTimeout) throws Exception {
        List<String> addresses = new ArrayList<>();
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int port = freePort();
            addresses.add("127.0.0.1:" + port);
            children.add(start(work, "engine" + i, keystore, "Created remote object",
                    "-Djava.rmi.server.hostname=127.0.0.1", "org.apache.jmeter.NewDriver", "-s",
                    "-Jserver_port=" + port, "-Jserver.rmi.localport=" + freePort()));
        }
        for (Child engine : children) {
            if (!engine.awaitReady(startTimeout)) {
                throw new AssertionError("engine not ready within " + startTimeout + "\n" + engine.output());
            }
        }
        return new Engines(List.copyOf(children), List.copyOf(addresses));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A CSV results file as rows of column name to value; empty when the file is missing. */
    public static List<Map<String, String>> readCsv(Path file) throws IOException {
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

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A child JVM whose output is collected, ready once a given line appears. */
    public static final class Child {
        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch ready = new CountDownLatch(1);

        Child(Process process, String readyLine) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
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

        public Process process() {
            return process;
        }

        public boolean awaitReady(Duration timeout) throws InterruptedException {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
