package dev.orderflow.testplans.run;

import java.nio.file.Path;

/** Where a run keeps its files under target/orderflow-run; every step finds them here. */
public record RunLayout(Path runDir) {

    public static RunLayout of(Path runDir) {
        return new RunLayout(runDir.toAbsolutePath());
    }

    public Path runJson() {
        return runDir.resolve("run.json");
    }

    /** -q file of the controller, named in the pom's customPropertiesFiles. */
    public Path controllerProperties() {
        return runDir.resolve("run.properties");
    }

    /** The shop's admin key, owner-only: the reference shop and the controller's listener read it from here. */
    public Path adminKeyFile() {
        return runDir.resolve("admin.key");
    }

    /** jmeter:configure reads global.properties from here and passes each entry with -G. */
    public Path engineProperties() {
        return runDir.resolve("jmeter-properties").resolve("global.properties");
    }

    /**
     * JVM options of the controller (a java @argfile the pom's jMeterProcessJVMSettings names): unlike the
     * JMeter home's bin/system.properties, they reach no engine started from a copy of that home.
     */
    public Path controllerJvmOptions() {
        return runDir.resolve("controller.jvm-options");
    }

    public Path localPlans() {
        return runDir.resolve("plans").resolve("local");
    }

    public Path distributedPlans() {
        return runDir.resolve("plans").resolve("distributed");
    }

    public Path summaryDir() {
        return runDir.resolve("summaries");
    }

    public Path loadMachineCsv() {
        return runDir.resolve("load-machine.csv");
    }

    public Path engineLog(int index) {
        return runDir.resolve("engine-" + index + ".log");
    }
}
