package dev.orderflow.testplans.run;

import dev.orderflow.testplans.load.LoadMachineSampler;
import dev.orderflow.testplans.report.BaselineSettings;
import dev.orderflow.testplans.report.PlanReport;
import dev.orderflow.testplans.report.ReportIndex;
import dev.orderflow.testplans.report.RunRecord;
import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;
import dev.orderflow.testplans.run.RunDescription.PlannedRun;
import dev.orderflow.testplans.run.RunDescription.Target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A run of the plans, top to bottom: the build's one step after jmeter:configure has built the JMeter home
 * ({@code ./mvnw -B verify [-Dplan=NAME]}, see README.md).
 *
 * <ol>
 *   <li>set up: the load-machine sampler, the engines' network namespaces, the reference shop (unless -Dhost)
 *       with a fresh admin key in an owner-only file, the run's JMeter properties, the idle baseline;</li>
 *   <li>the engines a distributed plan needs, started from the completed JMeter home;</li>
 *   <li>each plan in its own non-GUI JMeter, one after another, a distributed one once each of its engines has
 *       answered over RMI with SSL within seconds;</li>
 *   <li>always, also after a failure, Ctrl-C, SIGTERM or the end of the build that started it: tear down what was
 *       started, file each plan that ran under reports/ (marked incomplete with the reason when it did not run to
 *       its end), rewrite reports/index.html, print "N passed, N failed" and exit 1 when a plan failed.</li>
 * </ol>
 *
 * <p>Usage: {@code RunPlans --run-dir= --root= --plans-dir= --config-json= --keystore= --jmeter-output= --reports=}
 * followed by the run options ({@link RunOptions}); {@code -Dadmin_key} comes in the environment.
 */
public final class RunPlans {

    static final String REMOTE_USERS_CSV = "../csv-data/users.csv";
    private static final Duration SHOP_START_TIMEOUT = Duration.ofMinutes(2);
    /** The idle stretch sampled before any JMeter starts: the plans' own baseline_ms default. */
    private static final Duration IDLE_BASELINE = Duration.ofMillis(3000);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Map<String, String> arguments;
    private final RunLayout layout;
    private final Path root;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final RunInterruption interruption;
    /** What the run started, closed last first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<PlannedRun> ran = new ArrayList<>();

    RunPlans(Map<String, String> arguments, RunInterruption interruption) {
        this.arguments = arguments;
        this.layout = RunLayout.of(Path.of(arguments.get("run-dir")));
        this.root = Path.of(arguments.get("root"));
        this.interruption = interruption;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arguments = RunOptions.withAdminKey(RunOptions.arguments(args), System.getenv());
        RunInterruption interruption = RunInterruption.install(
                ProcessHandle.current().parent().orElse(ProcessHandle.current()));
        int status = new RunPlans(arguments, interruption).run();
        if (!interruption.shuttingDown()) {
            System.exit(status);
        }
    }

    /** @return the exit status: 0 when every plan passed */
    int run() throws InterruptedException {
        try {
            return runAndFile();
        } finally {
            interruption.filed(); // whatever happened: a signal's hook must not wait for a filing that will not come
        }
    }

    private int runAndFile() throws InterruptedException {
        RunDescription run = null;
        String failure = null;
        try {
            fresh(layout.runDir());
            fresh(jmeterOutput().dir());
            RunOptions options = RunOptions.parse(arguments);
            run = setUp(options);
            JMeterHome home = JMeterHome.fromConfig(Path.of(arguments.get("config-json")));
            EngineHome.complete(home, Path.of(arguments.get("keystore")), root.resolve("csv-data"));
            if (!run.loopbackEngines().isEmpty()) {
                LoopbackEngines engines = LoopbackEngines.start(java, home, run.loopbackEngines(), layout);
                started.push(engines);
                System.out.println(engines);
                LoopbackEngines.checkSslOnly(run.loopbackEngines());
            }
            for (PlannedRun plan : run.plans()) {
                if (interruption.reason() != null) {
                    break;
                }
                if (plan.distributed()) {
                    LoopbackEngines.checkReach(plan.engines(), home.bin().resolve(RmiKeystore.FILE_NAME));
                }
                ran.add(plan);
                runPlan(home, RunSetup.controllerJvmOptions(run), plan);
            }
        } catch (Exception e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("orderflow: the run stopped: " + failure);
        } finally {
            tearDown();
        }
        return file(run, failure);
    }

    /**
     * The load-machine sampler, the engines' network, the shop, the run's description and JMeter properties,
     * then the idle baseline with the shop up and no JMeter running.
     */
    private RunDescription setUp(RunOptions options) throws Exception {
        String startedAt = LocalDateTime.now().format(RUN_STAMP);
        Files.createDirectories(layout.summaryDir());

        LoadMachineSampler sampler = null;
        if (LoadMachineSampler.supported()) {
            sampler = LoadMachineSampler.start(layout.loadMachineCsv());
            started.push(sampler);
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
            started.push(network);
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
            started.push(shop);
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
        for (PlannedRun plan : run.plans()) {
            Path source = plansDir().resolve(plan.name() + ".jmx");
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException("the plan " + source + " is missing");
            }
        }
        // on this machine every JVM reads users.csv where it is; real engines read the copy in their JMeter
        // home's csv-data/, relative to bin/ where they run (README)
        String usersCsv = options.remote().isEmpty()
                ? root.resolve("csv-data/users.csv").toString()
                : REMOTE_USERS_CSV;
        writeProperties(layout.engineProperties(), RunSetup.engineProperties(run, usersCsv),
                "-G properties of every engine of a distributed run");
        writeProperties(layout.controllerProperties(),
                RunSetup.controllerProperties(run, usersCsv, adminKey == null ? null : layout.adminKeyFile().toString(),
                        layout.summaryDir().toString()),
                "-q properties of the controller and of local plans");
        run.write(layout.runJson());
        System.out.println("orderflow: plans " + run.plans().stream().map(RunPlans::describe).toList()
                + " against " + target.baseUrl() + (target.embedded() ? " (reference shop)" : "")
                + (run.ciScale() ? " at CI scale " + run.passed() : " with " + run.passed()));

        if (sampler != null) {
            // the machine with the shop up and nothing else running, before the first JMeter (and the engines)
            // start: the baseline every plan's load-machine page reads its load against
            sampler.sampleBaseline(layout.loadMachineCsv(), IDLE_BASELINE);
        }
        return run;
    }

    /** One plan in its own JMeter; returns when it ended, or was ended because the run is being stopped. */
    private void runPlan(JMeterHome home, List<String> jvmOptions, PlannedRun plan)
            throws IOException, InterruptedException {
        System.out.println();
        System.out.println("orderflow: running " + describe(plan));
        JMeterProcess jmeter = JMeterProcess.start(java, jvmOptions, home, plansDir(), plan, layout, jmeterOutput());
        interruption.running(jmeter);
        try {
            while (!jmeter.endedWithin(1)) {
                if (interruption.reason() != null) {
                    jmeter.awaitStopped();
                    break;
                }
            }
        } finally {
            interruption.running(null);
        }
    }

    /** Stops what the run started, last first, and removes the admin key: the plans and the shop have read it. */
    private void tearDown() throws InterruptedException {
        while (!started.isEmpty()) {
            AutoCloseable closeable = started.pop();
            try {
                closeable.close();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                System.err.println("orderflow: stopping " + closeable + ": " + e);
            }
        }
        try {
            Files.deleteIfExists(layout.adminKeyFile());
        } catch (IOException e) {
            System.err.println("orderflow: the admin key file " + layout.adminKeyFile() + " stays: " + e);
        }
    }

    /**
     * Files each plan that ran, prints the closing table and returns the exit status: 1 when a plan failed, when
     * the run stopped before its plans ran, or when it was stopped early.
     */
    private int file(RunDescription run, String failure) throws InterruptedException {
        List<RunRecord> records = new ArrayList<>();
        if (run != null && !ran.isEmpty()) {
            Path reports = Path.of(arguments.get("reports"));
            try {
                JMeterHome home = JMeterHome.fromConfig(Path.of(arguments.get("config-json")));
                BaselineSettings baseline = BaselineSettings.from(System.getenv());
                Files.createDirectories(reports);
                for (PlannedRun plan : ran) {
                    records.add(PlanReport.file(inputs(run, plan, home, baseline), reports));
                }
                ReportIndex.write(reports);
            } catch (IOException | RuntimeException e) {
                System.err.println("orderflow: the reports could not all be filed: " + e);
                failure = failure == null ? "the reports could not all be filed: " + e : failure;
            }
            System.out.println();
            System.out.println("orderflow: " + records.size() + " plan(s) run, reports in "
                    + reports.resolve(ReportIndex.FILE_NAME));
        }
        long failed = 0;
        for (RunRecord record : records) {
            System.out.printf("  %-12s %s  users %s, %s req/s, mean %s ms, p95 %s ms, success %s %%, shop %s%n",
                    record.plan(), record.verdict().toUpperCase(Locale.ROOT), record.users(),
                    round(record.requestsPerSecond()), round(record.meanMs()), round(record.p95Ms()),
                    round(record.successRate()), record.reconciliation());
            for (String reason : record.failures()) {
                System.out.println("      - " + reason);
            }
            System.out.println("      report: " + Path.of(arguments.get("reports")).resolve(record.page()));
            for (String note : record.notes()) {
                System.out.println("      note: " + note);
            }
            if (record.incomplete() != null) {
                System.out.println("      incomplete, its report holds what was collected: " + record.incomplete());
            }
            failed += record.passed() ? 0 : 1;
        }
        // the closing line any CI reads: how many plans passed and failed
        System.out.println((records.size() - failed) + " passed, " + failed + " failed");
        if (interruption.reason() != null) {
            System.out.println("orderflow: the run was stopped early: " + interruption.reason());
        }
        if (failure != null) {
            System.out.println("orderflow: the run failed: " + failure);
        }
        return failed > 0 || failure != null || interruption.reason() != null ? 1 : 0;
    }

    private PlanReport.Inputs inputs(RunDescription run, PlannedRun plan, JMeterHome home, BaselineSettings baseline) {
        PlanCatalog.Plan row = PlanCatalog.named(plan.name()).orElseThrow();
        String scale = run.passed().get("scale");
        int engines = plan.distributed() ? plan.engines().size() : 1;
        OptionalInt expectedUsers = row.oneIteration()
                ? OptionalInt.of(row.usersAt(scale == null ? 1 : Double.parseDouble(scale)))
                : OptionalInt.empty();
        JMeterProcess.Output output = jmeterOutput();
        return new PlanReport.Inputs(
                plan.name(), run.startedAt(), engines, scale, expectedUsers, row.userLabel(),
                run.target().reconciled(), run.target().baseUrl(), row.oneIteration(), baseline,
                output.results(plan.name()), output.dashboard(plan.name()),
                layout.summaryDir().resolve(plan.name()), output.log(plan.name()),
                layout.loadMachineCsv(), java, home.dir());
    }

    private Path plansDir() {
        return Path.of(arguments.get("plans-dir"));
    }

    private JMeterProcess.Output jmeterOutput() {
        return new JMeterProcess.Output(Path.of(arguments.get("jmeter-output")));
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

    /** The last run's files go first: a run starts from nothing. */
    private static void fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
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

    private static String round(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
