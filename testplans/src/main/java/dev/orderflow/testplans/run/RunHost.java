package dev.orderflow.testplans.run;

import dev.orderflow.testplans.load.LoadMachineSampler;
import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;
import dev.orderflow.testplans.run.RunDescription.PlannedRun;
import dev.orderflow.testplans.run.RunDescription.Target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Background host of a run, started by the build before the plans run and stopped by {@link RunFinish}
 * after them (or by Maven's exit): it samples the load machine, starts the reference shop unless the
 * run targets another shop, stages the chosen plans for the local and the distributed JMeter runs, and
 * writes the run's JMeter properties. Then it says "ready" and keeps the shop up until it is stopped.
 */
public final class RunHost {

    static final String NAME = "run-host";
    static final String REMOTE_USERS_CSV = "../csv-data/users.csv";
    private static final Duration SHOP_START_TIMEOUT = Duration.ofMinutes(2);
    /** The idle stretch sampled before any JMeter starts: the plans' own baseline_ms default. */
    private static final Duration IDLE_BASELINE = Duration.ofMillis(3000);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunHost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = RunOptions.withAdminKey(RunOptions.arguments(args), System.getenv());
        RunLayout layout = RunLayout.of(Path.of(arguments.get("run-dir")));
        Files.createDirectories(layout.runDir());
        Markers markers = new Markers(layout.runDir(), NAME);
        markers.clear();
        markers.writePid();
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(started), "run-host-stop"));
        try {
            RunOptions options = RunOptions.parse(arguments);
            Path root = Path.of(arguments.get("root"));
            String summary = host(options, root, Path.of(arguments.get("plans-dir")), layout, started);
            markers.ready(summary);
            System.out.println(summary);
        } catch (Exception e) {
            markers.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.println("run-host: " + e);
            System.exit(1);
        }
        // keep the shop up for the plans until RunFinish asks to stop; Maven's exit (SIGTERM) goes through the hook
        // or until the build that started it (Maven, its parent) is gone
        ProcessHandle.current().parent().ifPresent(markers::stopWhenEnded);
        markers.awaitStopRequest();
        closeAll(started);
    }

    private static String host(RunOptions options, Path root, Path plansDir, RunLayout layout,
                               List<AutoCloseable> started) throws Exception {
        String startedAt = LocalDateTime.now().format(RUN_STAMP);
        Files.createDirectories(layout.summaryDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        LoadMachineSampler sampler = null;
        if (LoadMachineSampler.supported()) {
            sampler = LoadMachineSampler.start(layout.loadMachineCsv());
            started.add(sampler);
        } else {
            System.out.println("no /proc on this machine: the reports will have no load-machine graph");
        }

        // the build's engines run in network namespaces of their own when this machine lets it make them,
        // so the shop and the controller's callbacks must listen on this machine's address on their bridge.
        // A namespace reaches nothing but this machine's bridge address: a shop the build did not start (on
        // 127.0.0.1 or elsewhere) is for engines in this machine's own network.
        int engineCount = RunSetup.loopbackEnginesNeeded(options, PlanCatalog.select(options.plan()));
        EngineNetwork network = null;
        if (engineCount > 0 && options.embeddedShop()) {
            network = engineNetwork(engineCount);
        } else if (engineCount > 0) {
            System.out.println("engines on 127.0.0.1: the shop " + options.host().orElse("")
                    + " is not the reference shop this build starts, which engines in namespaces could not reach");
        }
        if (network != null) {
            started.add(network);
        }
        String localAddress = network == null ? "127.0.0.1" : network.controllerAddress();

        Target target;
        String adminKey;
        if (options.embeddedShop()) {
            adminKey = freshAdminKey();
            OwnerOnlyFiles.write(layout.adminKeyFile(), adminKey.getBytes(StandardCharsets.UTF_8));
            ShopProcess shop = ShopProcess.start(java, root.resolve("shop/target/orderflow-shop.jar"),
                    root.resolve("csv-data"), layout.adminKeyFile(), RunSetup.shopConnectionsPerAddress(options),
                    localAddress, layout.runDir().resolve("shop.log"), SHOP_START_TIMEOUT);
            started.add(0, shop);
            if (sampler != null) {
                sampler.watch(shop.pid());
            }
            target = new Target("http", shop.host(), shop.port(), true, true);
        } else {
            adminKey = options.adminKey().orElse(null);
            if (adminKey != null) {
                OwnerOnlyFiles.write(layout.adminKeyFile(), adminKey.getBytes(StandardCharsets.UTF_8));
            }
            String protocol = options.protocol().orElse("http");
            int port = options.port().orElse(protocol.equals("https") ? 443 : 80);
            target = new Target(protocol, options.host().get(), port, false, adminKey != null);
        }

        List<LoopbackEngine> loopback = network != null
                ? RunSetup.namespaceEngines(network)
                : RunSetup.loopbackEngines(FreePorts.take(engineCount * 2));
        RunDescription run = RunSetup.describe(options, startedAt, target, loopback, localAddress);

        stagePlans(run, plansDir, layout);
        // on this machine every JVM reads users.csv where it is; real engines read the copy in their JMeter
        // home's csv-data/, relative to bin/ where they run (README)
        String usersCsv = options.remote().isEmpty()
                ? root.resolve("csv-data/users.csv").toString()
                : REMOTE_USERS_CSV;
        writeProperties(layout.engineProperties(), RunSetup.engineProperties(run, usersCsv),
                "-G properties of every engine of a distributed run");
        Files.write(layout.controllerJvmOptions(), RunSetup.controllerJvmOptions(run));
        writeProperties(layout.controllerProperties(),
                RunSetup.controllerProperties(run, usersCsv, adminKey == null ? null : layout.adminKeyFile().toString(),
                        layout.summaryDir().toString()),
                "-q properties of the controller and of local plans");
        run.write(layout.runJson());

        if (sampler != null) {
            // the machine with the shop up and nothing else running, before the first JMeter (and the engines)
            // start: the baseline every plan's load-machine page reads its load against
            sampler.sampleBaseline(layout.loadMachineCsv(), IDLE_BASELINE);
        }

        return "plans " + run.plans().stream().map(RunHost::describe).toList()
                + " against " + target.baseUrl() + (target.embedded() ? " (reference shop)" : "")
                + (run.ciScale() ? " at CI scale " + run.passed() : " with " + run.passed());
    }

    /**
     * The engines' network namespaces, or null when this machine cannot make them (not Linux, not root, no
     * iproute2): the engines then run on 127.0.0.1, and the console says why.
     */
    private static EngineNetwork engineNetwork(int engines) throws InterruptedException {
        try {
            EngineNetwork network = EngineNetwork.create(engines);
            System.out.println("engines in network namespaces: " + network + ", made in "
                    + network.setupTime().toMillis() + " ms");
            return network;
        } catch (IOException | RuntimeException e) {
            System.out.println("engines on 127.0.0.1: no network namespaces for them on this machine ("
                    + e.getMessage() + ")");
            return null;
        }
    }

    private static String describe(PlannedRun plan) {
        return plan.name() + (plan.distributed() ? " on " + plan.engines().size() + " engines" : "");
    }

    private static void stagePlans(RunDescription run, Path plansDir, RunLayout layout) throws IOException {
        for (PlannedRun plan : run.plans()) {
            Path source = plansDir.resolve(plan.name() + ".jmx");
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException("the plan " + source + " is missing");
            }
            Path stage = plan.distributed() ? layout.distributedPlans() : layout.localPlans();
            Files.createDirectories(stage);
            Files.copy(source, stage.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.putAll(values);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "orderflow run: " + comment);
        }
    }

    private static String freshAdminKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeAll(List<AutoCloseable> started) {
        synchronized (started) {
            closeEach(started);
            started.clear();
        }
    }

    private static void closeEach(List<AutoCloseable> started) {
        for (AutoCloseable closeable : started) {
            try {
                closeable.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                System.err.println("run-host: stopping " + closeable + ": " + e);
            }
        }
    }
}
