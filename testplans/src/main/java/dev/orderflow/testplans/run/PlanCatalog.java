package dev.orderflow.testplans.run;

import java.util.List;
import java.util.Optional;

/** The plans orderflow ships: one JMX each under testplans/src/test/jmeter, as DESIGN.md's table lists them. */
public final class PlanCatalog {

    /** Engines a plan the table runs as "controller + 4 engines" gets when no -Dengines/-Dremote is given. */
    public static final int TABLE_ENGINES = 4;

    /** The sampler every user runs exactly once in a one-iteration plan: its label in the results. */
    public static final String LOGIN_LABEL = "login";
    public static final String INDEX_PAGE_LABEL = "index page";

    /**
     * One row of the table.
     *
     * @param name         file name without .jmx
     * @param distributed  runs on several engines ("controller + 4 engines")
     * @param users        users in total at full scale (the last stage's for stepped)
     * @param indexPage    the flow is the index page, not the order flow
     * @param oneIteration every user runs the flow once and finishes (not bound by time)
     */
    public record Plan(String name, boolean distributed, int users, boolean indexPage, boolean oneIteration) {
        public String fileName() {
            return name + ".jmx";
        }

        /** The label each user produces exactly once: the login, or the index page. */
        public String userLabel() {
            return indexPage ? INDEX_PAGE_LABEL : LOGIN_LABEL;
        }

        /** Users at the given scale, rounded as the plans round them (half up, at least one). */
        public int usersAt(double scale) {
            return Math.max(1, (int) Math.floor(users * scale + 0.5));
        }
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("test1", false, 1000, false, true),
            new Plan("test2", false, 10, false, true),
            new Plan("test3", false, 100, false, true),
            new Plan("test4", true, 100, false, true),
            new Plan("test5", true, 1000, false, true),
            new Plan("test6", true, 1000, true, true),
            new Plan("test7", true, 10000, true, true),
            new Plan("orders-500", false, 500, false, true),
            new Plan("orders-1000", false, 1000, false, true),
            new Plan("stepped", false, 1000, false, false),
            new Plan("soak", false, 1000, false, false));

    private PlanCatalog() {
    }

    public static List<Plan> all() {
        return PLANS;
    }

    public static Optional<Plan> named(String name) {
        return PLANS.stream().filter(plan -> plan.name().equals(name)).findFirst();
    }

    /** The plans a {@code -Dplan} value asks for: empty or {@code all} means every plan. */
    public static List<Plan> select(Optional<String> plan) {
        if (plan.isEmpty() || plan.get().equals("all")) {
            return PLANS;
        }
        return List.of(named(plan.get()).orElseThrow(() -> new IllegalArgumentException(
                "-Dplan=" + plan.get() + " is not a plan; the plans are all, "
                        + String.join(", ", PLANS.stream().map(Plan::name).toList()))));
    }
}
