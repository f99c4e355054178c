package dev.orderflow.testplans.plans;

import java.nio.file.Path;

/** The folder of the shipped plans, as the build names it for the tests. */
final class PlansFolder {

    private PlansFolder() {
    }

    static Path path() {
        return Path.of(System.getProperty("orderflow.test.plansDir", "src/test/jmeter"));
    }
}
