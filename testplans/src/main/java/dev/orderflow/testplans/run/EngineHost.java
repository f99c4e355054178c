package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Background host of the loopback engines: once jmeter:configure has built the JMeter home, it completes
 * that home for distributed runs (the RMI keystore in bin/, csv-data beside bin/), starts the engines
 * the run needs on this machine (each in its network namespace, or on 127.0.0.1), checks that every engine
 * of the run can be reached over RMI with SSL, and keeps them up until {@link RunFinish} or Maven's exit
 * stops it.
 *
 * <p>Usage: {@code EngineHost <run dir> <config.json> <keystore> <csv-data dir>}.
 */
public final class EngineHost {

    static final String NAME = "engine-host";
    private static final long START_TIMEOUT_SECONDS = 120;
    /** JMeter's registry port when an engine of -Dremote names none. */
    private static final int SERVER_PORT_DEFAULT = 1099;

    private EngineHost() {
    }

    public static void main(String[] args) throws Exception {
        RunLayout layout = RunLayout.of(Path.of(args[0]));
        Markers markers = new Markers(layout.runDir(), NAME);
        markers.clear();
        markers.writePid();
        List<EngineProcess> engines = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(engines), "engine-host-stop"));
        try {
            JMeterHome home = JMeterHome.fromConfig(Path.of(args[1]));
            completeHome(home, Path.of(args[2]), Path.of(args[3]));
            RunDescription run = RunDescription.read(layout.runJson());
            startAll(home, run.loopbackEngines(), layout, engines);
            checkReach(run, home.bin().resolve(RmiKeystore.FILE_NAME));
            String message = engines.isEmpty()
                    ? "no loopback engines needed; JMeter home " + home.dir()
                    : engines.size() + " engines up on this machine: " + engines;
            markers.ready(message);
            System.out.println(message);
        } catch (Exception e) {
            markers.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.println("engine-host: " + e);
            System.exit(1);
        }
        // the engines stay up for the plans until RunFinish asks to stop; Maven's exit goes through the hook
        // or until the build that started it (Maven, its parent) is gone
        ProcessHandle.current().parent().ifPresent(markers::stopWhenEnded);
        markers.awaitStopRequest();
        stopAll(engines);
    }

    /**
     * The keystore, its password and the data an engine needs, in the home a user copies to a real load machine:
     * bin/rmi_keystore.jks and bin/user.properties (which JMeter reads on its own, engine and controller alike)
     * with the keystore's password, both owner-only.
     */
    static void completeHome(JMeterHome home, Path keystore, Path csvData) throws IOException, InterruptedException {
        RmiKeystore rmi = RmiKeystore.ensure(keystore, Path.of(System.getProperty("java.home")));
        OwnerOnlyFiles.copy(rmi.keystore(), home.bin().resolve(RmiKeystore.FILE_NAME));
        setUserProperties(home.bin().resolve("user.properties"), rmi.jmeterProperties());
        Path target = home.dir().resolve("csv-data");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(csvData)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Sets the properties in the JMeter home's user.properties, keeping its other lines (jmeter:configure writes
     * the report settings there), and leaves the file owner-only: it then holds a password.
     */
    static void setUserProperties(Path userProperties, Map<String, String> values) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(userProperties)) {
            for (String line : Files.readAllLines(userProperties, StandardCharsets.ISO_8859_1)) {
                String key = line.split("[=:]", 2)[0].trim();
                if (!values.containsKey(key)) {
                    lines.add(line);
                }
            }
        }
        lines.add("# orderflow: the RMI keystore's password; this file is owner-only (600), keep it so everywhere");
        new TreeMap<>(values).forEach((key, value) -> lines.add(key + "=" + value));
        OwnerOnlyFiles.write(userProperties, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void startAll(JMeterHome home, List<LoopbackEngine> wanted, RunLayout layout,
                                 List<EngineProcess> engines) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (int i = 0; i < wanted.size(); i++) {
            engines.add(EngineProcess.start(java, home, wanted.get(i),
                    layout.engineLog(i), layout.runDir().resolve("engine-" + i + ".jmeter.log")));
        }
        try {
            CompletableFuture.allOf(engines.stream().map(EngineProcess::ready).toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the loopback engines did not start: " + e.getMessage()
                    + " (their output is in " + layout.runDir() + "/engine-*.log)", e);
        }
    }

    /**
     * Every engine of the run answers over RMI with SSL, as the controller will reach it, and each one the
     * build started refuses RMI without SSL; otherwise the run stops here, and the console says why.
     */
    private static void checkReach(RunDescription run, Path keystore) {
        List<String> cluster = run.plans().stream().filter(RunDescription.PlannedRun::distributed)
                .findFirst().map(RunDescription.PlannedRun::engines).orElse(List.of());
        List<String> unreachable = new ArrayList<>();
        for (String engine : cluster) {
            int colon = engine.lastIndexOf(':');
            String host = colon < 0 ? engine : engine.substring(0, colon);
            int port = colon < 0 ? SERVER_PORT_DEFAULT : Integer.parseInt(engine.substring(colon + 1));
            EngineReach.overSsl(host, port, keystore).ifPresentOrElse(unreachable::add,
                    () -> System.out.println("engine " + engine + " reached over RMI with SSL"));
        }
        for (LoopbackEngine engine : run.loopbackEngines()) {
            System.out.println("engine " + engine.address() + " refuses RMI without SSL: "
                    + EngineReach.refusalWithoutSsl(engine.host(), engine.serverPort()));
        }
        if (!unreachable.isEmpty()) {
            unreachable.forEach(reason -> System.out.println("engine-host: " + reason));
            throw new IllegalStateException(String.join("; ", unreachable));
        }
    }

    private static void stopAll(List<EngineProcess> engines) {
        synchronized (engines) {
            // all at once: each engine takes a moment to end its RMI exports
            engines.forEach(EngineProcess::requestStop);
            for (EngineProcess engine : engines) {
                try {
                    engine.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            engines.clear();
        }
    }
}
