package dev.orderflow.testplans.run;

import dev.orderflow.testplans.run.PlanCatalog.Plan;
import dev.orderflow.testplans.run.RunDescription.LoopbackEngine;
import dev.orderflow.testplans.run.RunDescription.PlannedRun;
import dev.orderflow.testplans.run.RunDescription.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what a run does from its options: which plans, on which engines, at which scale, and which
 * JMeter properties the controller (-q) and the engines (-G) get. No processes, no files: {@link RunPlans}
 * acts on what this decides.
 */
final class RunSetup {

    /**
     * CI scale: a twentieth of the users and spawn rates, time-bound plans for 20 s and stage times at a
     * twentieth, so that every plan runs in seconds and all of them well inside the build's 15 minutes.
     */
    static final Map<String, String> CI_SCALE = Map.of("scale", "0.05", "duration", "20", "timescale", "0.05");

    /** The reference shop's --max-connections-per-address when none is given (ShopConfig). */
    static final int SHOP_DEFAULT_CONNECTIONS_PER_ADDRESS = 256;

    /** The ports the README starts an engine on a load machine with (-Dserver_port, -Dserver.rmi.localport). */
    static final int README_SERVER_PORT = 1099;
    static final int README_RMI_LOCAL_PORT = 4000;

    private RunSetup() {
    }

    /** How many loopback engines the run needs the build to start. */
    static int loopbackEnginesNeeded(RunOptions options, List<Plan> plans) {
        if (!options.remote().isEmpty()) {
            return 0;
        }
        if (options.engines().isPresent()) {
            return options.engines().get();
        }
        return plans.stream().anyMatch(Plan::distributed) ? PlanCatalog.TABLE_ENGINES : 0;
    }

    /** The loopback engines on the given free ports: two per engine, its registry port and its object port. */
    static List<LoopbackEngine> loopbackEngines(List<Integer> freePorts) {
        List<LoopbackEngine> engines = new ArrayList<>();
        for (int i = 0; i + 1 < freePorts.size(); i += 2) {
            engines.add(new LoopbackEngine(freePorts.get(i), freePorts.get(i + 1)));
        }
        return engines;
    }

    /**
     * Engines each in its network namespace, started as the README starts one on a load machine: registry
     * port 1099 and object port 4000 on its own address, as on separate machines.
     */
    static List<LoopbackEngine> namespaceEngines(EngineNetwork network) {
        List<LoopbackEngine> engines = new ArrayList<>();
        for (int i = 0; i < network.engines(); i++) {
            engines.add(new LoopbackEngine(README_SERVER_PORT, README_RMI_LOCAL_PORT,
                    network.engineAddress(i), network.namespace(i)));
        }
        return engines;
    }

    static RunDescription describe(RunOptions options, String startedAt, Target target,
                                   List<LoopbackEngine> loopback) {
        return describe(options, startedAt, target, loopback, "127.0.0.1");
    }

    /**
     * @param controllerAddress where the build's own engines reach this machine's RMI callbacks: 127.0.0.1,
     *                          or this machine's address on the engines' network
     */
    static RunDescription describe(RunOptions options, String startedAt, Target target,
                                   List<LoopbackEngine> loopback, String controllerAddress) {
        List<String> cluster = options.remote().isEmpty()
                ? loopback.stream().map(LoopbackEngine::address).toList()
                : options.remote();
        boolean everyPlanDistributed = !options.remote().isEmpty() || options.engines().isPresent();
        List<PlannedRun> runs = new ArrayList<>();
        for (Plan plan : PlanCatalog.select(options.plan())) {
            boolean distributed = everyPlanDistributed || plan.distributed();
            runs.add(new PlannedRun(plan.name(), distributed ? cluster : List.of()));
        }
        String rmiHost = options.rmiHost().orElse(loopback.isEmpty() ? null : controllerAddress);
        return new RunDescription(startedAt, options.ciScale(), runs, target, loopback, passed(options), rmiHost);
    }

    /**
     * Open connections the reference shop lets one client address hold during this run. Every user runs
     * from this machine with one keep-alive connection, so all of a plan's users come from one address:
     * twice the users of the run's largest plan (the plans run one after another), so that connections
     * still closing do not count against the next ones, and never fewer than the shop's own default.
     */
    static int shopConnectionsPerAddress(RunOptions options) {
        double scale = Double.parseDouble(passed(options).getOrDefault("scale", "1"));
        int users = PlanCatalog.select(options.plan()).stream()
                .mapToInt(plan -> plan.usersAt(scale))
                .max().orElse(0);
        return Math.max(SHOP_DEFAULT_CONNECTIONS_PER_ADDRESS, 2 * users);
    }

    /** The plan properties the run sets: CI scale unless a plan is named, then whatever the user gave. */
    static Map<String, String> passed(RunOptions options) {
        Map<String, String> passed = new LinkedHashMap<>();
        if (options.ciScale()) {
            passed.put("scale", CI_SCALE.get("scale"));
            passed.put("duration", CI_SCALE.get("duration"));
            passed.put("timescale", CI_SCALE.get("timescale"));
        }
        options.scale().ifPresent(value -> passed.put("scale", value));
        options.duration().ifPresent(value -> passed.put("duration", value));
        options.timescale().ifPresent(value -> passed.put("timescale", value));
        return passed;
    }

    /**
     * The JMeter properties every engine of a distributed run gets with -G: where the shop is, the
     * scale, and the cluster (exactly the controller's -R list, so each engine finds its own index).
     */
    static Map<String, String> engineProperties(RunDescription run, String usersCsv) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("protocol", run.target().protocol());
        properties.put("host", run.target().host());
        properties.put("port", Integer.toString(run.target().port()));
        properties.putAll(run.passed());
        List<String> cluster = cluster(run);
        if (!cluster.isEmpty()) {
            properties.put("orderflow.engines", String.join(",", cluster));
        }
        if (usersCsv != null) {
            properties.put("users_csv", usersCsv);
        }
        return properties;
    }

    /**
     * The JMeter properties of the controller (or the single JVM of a local plan), read with -q: the
     * engines' ones, where the admin key for reconciliation is and where summaries go (the engines are the
     * controller's -R list, {@link JMeterProcess}).
     * Never the admin key itself: jmeter-maven-plugin copies this file into the JMeter home readable by all;
     * the key stays in its owner-only file, which the order summary listener reads.
     */
    static Map<String, String> controllerProperties(RunDescription run, String usersCsv, String adminKeyFile,
                                                    String summaryDir) {
        Map<String, String> properties = engineProperties(run, usersCsv);
        // the engine list is for engines only: a local plan's thread group would look for itself in it
        properties.remove("orderflow.engines");
        // the build checks every summary after all plans ran, so a failed plan must not end JMeter with 1
        properties.put("orderflow.summary.exit_on_failure", "false");
        if (adminKeyFile != null) {
            properties.put("admin_key_file", adminKeyFile);
        }
        properties.put("summary_dir", summaryDir);
        // the build's plans run unwatched: no live view page (a person running a plan gets one on port 8089)
        properties.put("live_view_port", "off");
        return properties;
    }

    /**
     * JVM options of the controller: the address its RMI callbacks name. With engines on 127.0.0.1 that
     * is 127.0.0.1 (JMeter refuses to export them on a host name that resolves to loopback), with engines in
     * namespaces this machine's address on their bridge; with real engines, -Drmi_host when the controller's
     * host name does not resolve to its address. They go on the controller's command line,
     * never into the JMeter home's bin/system.properties: JMeter loads that file over the JVM's own -D, so
     * every engine started from a copy of the home would listen on the controller's address instead of its own.
     */
    static List<String> controllerJvmOptions(RunDescription run) {
        List<String> options = new ArrayList<>();
        if (run.controllerRmiHost() != null) {
            options.add("-Djava.rmi.server.hostname=" + run.controllerRmiHost());
        }
        return options;
    }

    private static List<String> cluster(RunDescription run) {
        return run.plans().stream()
                .filter(PlannedRun::distributed)
                .findFirst()
                .map(PlannedRun::engines)
                .orElse(List.of());
    }
}
