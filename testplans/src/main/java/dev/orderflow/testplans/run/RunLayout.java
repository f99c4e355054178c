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

    /** The JMeter properties of the controller and of local plans, given to JMeter with -q. */
    public Path controllerProperties() {
        return runDir.resolve("run.properties");
    }

    /** The shop's admin key, owner-only: the reference shop and the controller's listener read it from here. */
    public Path adminKeyFile() {
        return runDir.resolve("admin.key");
    }

    /** The JMeter properties every engine of a distributed run gets, given to the controller with -G. */
    public Path engineProperties() {
        return runDir.resolve("jmeter-properties").resolve("global.properties");
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
