package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jmeter.sampler.TestAction;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.NonGuiJMeter;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.ReferenceShop;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/**
 * {@code jmeter -n} in a child JVM against the real reference shop, with the mistakes and accidents of real runs:
 * a run whose planned load did not happen fails its verdict, says why in summary.json and on the console, and exits
 * with status 1; a run that did its load passes with 0.
 */
class PlannedLoadVerdictTest {

    private static final Duration BOUND = Duration.ofSeconds(120);
    @RegisterExtension
    static final ReferenceShop shop = new ReferenceShop();

    @TempDir
    Path dir;


    @Test
    void aRunThatDidItsPlannedLoadPassesWithExitStatus0() throws Exception {
        OrderFlowThreadGroup group = users(4, 1);

        Run run = run(group, Map.of());

        assertThat(run.exitStatus).as(run.console).isZero();
        assertThat(run.summary.get("verdict").asText()).isEqualTo("pass");
        assertThat(check(run, "planned_load").get("detail").asText())
                .startsWith("group 'users': the shape ran to its end in ")
                .endsWith(", 4 of 4 planned users ran");
        assertThat(run.summary.get("orders_created").asLong()).isEqualTo(4);
        assertThat(run.summary.get("loads").get(0).get("held").asBoolean()).isTrue();
        assertThat(run.summary.get("users").asInt()).as("the thread group's users").isEqualTo(4);
        assertThat(run.summary.get("spawn_rate").asDouble()).as("the thread group's spawn rate").isEqualTo(4.0);
    }

    @Test
    void aRunAtAScaleRunsAndReportsThePlansNumbersScaledByTheThreadGroup() throws Exception {
        OrderFlowThreadGroup group = users(10, 1);

        Run run = run(group, Map.of(), "-Jscale=0.25");

        assertThat(run.exitStatus).as(run.console).isZero();
        // 10 × 0.25 = 2.5 users, rounded half up as the plans always rounded; the spawn rate is not rounded
        assertThat(run.summary.get("users").asInt()).isEqualTo(3);
        assertThat(run.summary.get("spawn_rate").asDouble()).isEqualTo(2.5);
        assertThat(run.summary.get("orders_created").asLong()).isEqualTo(3);
        assertThat(check(run, "planned_load").get("detail").asText()).endsWith(", 3 of 3 planned users ran");
    }

    @Test
    void aShapeScriptThatThrowsMidRunFailsTheRunNamingTheLine() throws Exception {
        OrderFlowThreadGroup group = script("""
                def tick(t) {
                    if (t >= 2) throw new IllegalStateException('the shape broke')
                    return [2, 2]
                }
                """);

        Run run = run(group, Map.of());

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(run.summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(check(run, "planned_load").get("passed").asBoolean()).isFalse();
        assertThat(check(run, "planned_load").get("detail").asText())
                .contains("stopped after")
                .contains("before the shape's end: the shape failed: Shape script line 2: failed in tick(2.0)")
                .contains("the shape broke");
        assertThat(run.console).contains("threshold failed: planned_load");
    }

    @Test
    void aShapeScriptThatLoopsForeverMidRunFailsWithinItsTimeLimit() throws Exception {
        OrderFlowThreadGroup group = script("""
                def tick(t) {
                    if (t < 2) return [2, 2]
                    while (true) { }
                }
                """);
        OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.write(group, "0.5");

        Run run = run(group, Map.of());

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(check(run, "planned_load").get("detail").asText())
                .contains("Shape script line 3: did not return in tick(2.0) within 0.5 s");
    }

    @Test
    void aShapeScriptThatLoopsForeverAtTheStartRefusesTheRunWithinItsTimeLimit() throws Exception {
        OrderFlowThreadGroup group = script("def tick(t) { for (;;) { } }");

        Run run = run(group, Map.of());

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(check(run, "planned_load").get("detail").asText())
                .contains("it could not start: Shape script line 1: did not return in tick(0.0) within 1.0 s");
        assertThat(run.summary.get("samples").asLong()).isZero();
    }

    @Test
    void aUsersFileWithFewerRowsThanUsersFailsOnItsFailedLogins() throws Exception {
        Path users = dir.resolve("three-users.csv");
        List<String> rows = Files.readAllLines(JMeterEnvironment.csvData().resolve("users.csv")).subList(0, 4);
        Files.write(users, rows);
        OrderFlowThreadGroup group = users(5, 1);

        Run run = run(group, Map.of(ShopConnectionSchema.USERS_FILE, users.toString()));

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(run.summary.get("logins").asLong()).isEqualTo(5);
        assertThat(run.summary.get("login_failures").asLong()).isEqualTo(2);
        JsonNode logins = check(run, "max_login_failures");
        assertThat(logins.get("passed").asBoolean()).isFalse();
        assertThat(logins.get("actual").asDouble()).isEqualTo(2);
        assertThat(logins.get("detail").asText()).isEqualTo("failed logins of 5 tried");
        assertThat(run.summary.get("success_rate").asDouble()).as("the users that logged in ordered").isEqualTo(100);
    }

    @Test
    void aRefusedStartIsAFailedRunWithASummarySayingWhy() throws Exception {
        OrderFlowThreadGroup group = users(2, 1);

        Run run = run(group, Map.of(ShopConnectionSchema.TOKEN_POINTER, "token"));

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(run.summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(check(run, "planned_load").get("detail").asText())
                .startsWith("the test was refused at its start: Shop connection 'Shop connection': ")
                .contains("Token JSON pointer (tokenPointer)");
        assertThat(run.summary.get("samples").asLong()).as("no user sent anything").isZero();
    }

    /** An older plan whose users field scales itself would run a twentieth of a twentieth of its load at scale 0.05. */
    @Test
    void aPlanThatScalesItsOwnNumbersIsRefusedAtAnotherScale() throws Exception {
        OrderFlowThreadGroup group = users(2, 1);
        OrderFlowThreadGroupSchema.USERS.write(group, "${__jexl3(x = 40 * ${__P(scale,1)}; x < 1 ? 1 : x)}");

        Run run = run(group, Map.of(), "-Jscale=0.05");

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(check(run, "planned_load").get("detail").asText())
                .contains("it could not start: users: reads the scale or timescale property itself")
                .contains("at scale 0.05 it would be scaled twice");
        assertThat(run.summary.get("samples").asLong()).as("no user sent anything").isZero();
    }

    @Test
    void aRunStoppedBeforeItsShapeEndedFails() throws Exception {
        OrderFlowThreadGroup group = users(2, 1);
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, "");
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "60");
        OrderSummaryListener listener = TestPlans.listener(dir);

        try (JMeterEnvironment.RunningTest test = JMeterEnvironment.start(Plans.plan(group,
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener}, TestPlans.orderFlow()))) {
            Thread.sleep(2_000);
            test.stopTest(false);
            test.awaitEnd(Duration.ofSeconds(60));
        }

        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(check(new Run(0, "", summary), "planned_load").get("detail").asText())
                .contains("before the shape's end: the test was stopped (by a person, a sampler's error action or"
                        + " another element) at ");
        assertThat(summary.get("orders_created").asLong()).as("the users ordered until the stop").isPositive();
    }

    /**
     * Users of a one-order plan cut off by its run time in their think time, as the shipped plans have it before the
     * login: the shape ran to its end and no login or order failed, yet the users did not place the orders planned.
     */
    @Test
    void aOneOrderRunWhoseUsersWereCutOffBeforeTheirOrderFails() throws Exception {
        OrderFlowThreadGroup group = users(4, 1);
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "3");
        TestElement[] flow = TestPlans.orderFlow();
        TestAction pause = new TestAction();
        pause.setName("think time");
        pause.setAction(TestAction.PAUSE);
        pause.setTarget(TestAction.THREAD);
        pause.setDuration("20000");
        pause.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.sampler.gui.TestActionGui");
        pause.setProperty(TestElement.TEST_CLASS, TestAction.class.getName());

        Run run = run(group, Map.of(), new TestElement[] {pause, flow[0], flow[1], flow[2], flow[3]});

        assertThat(run.exitStatus).as(run.console).isEqualTo(1);
        assertThat(run.summary.get("verdict").asText()).isEqualTo("fail");
        assertThat(check(run, "planned_load").get("detail").asText())
                .startsWith("group 'users': the shape ran to its end in ")
                .endsWith(" but only 0 of 4 planned users ran their 1 iteration; the others were stopped in one");
        assertThat(run.summary.get("orders_planned").asLong()).isEqualTo(4);
        assertThat(run.summary.get("orders_attempted").asLong()).isZero();
        assertThat(run.console).contains("Orders attempted:     0 of 4 planned");
    }

    private static JsonNode check(Run run, String name) {
        for (JsonNode check : run.summary.get("thresholds")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + run.summary);
    }

    private static OrderFlowThreadGroup group() {
        JMeterEnvironment.init();
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        group.setName("users");
        group.setProperty(TestElement.TEST_CLASS, OrderFlowThreadGroup.class.getName());
        group.setProperty(TestElement.GUI_CLASS, "dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui");
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "1");
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "1");
        OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.write(group, "1");
        return group;
    }

    private static OrderFlowThreadGroup users(int users, int iterations) {
        OrderFlowThreadGroup group = group();
        group.setShape(ShapeKind.USERS);
        OrderFlowThreadGroupSchema.USERS.write(group, Integer.toString(users));
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, Integer.toString(users));
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "");
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, Integer.toString(iterations));
        return group;
    }

    private static OrderFlowThreadGroup script(String source) {
        OrderFlowThreadGroup group = group();
        group.setShape(ShapeKind.SCRIPT);
        OrderFlowThreadGroupSchema.SCRIPT.write(group, source);
        return group;
    }

    private Run run(OrderFlowThreadGroup group, Map<Setting, String> shopFields, String... jmeterOptions)
            throws IOException, InterruptedException {
        return run(group, shopFields, TestPlans.orderFlow(), jmeterOptions);
    }

    private Run run(OrderFlowThreadGroup group, Map<Setting, String> shopFields, TestElement[] samplers,
            String... jmeterOptions) throws IOException, InterruptedException {
        OrderSummaryListener listener = TestPlans.listener(dir.resolve("summary"));
        OrderSummarySchema.PLAN.write(listener, "verdict");
        TestElement connection = Plans.shopConnection(shop.port(), shopFields);
        List<TestElement> beans = new java.util.ArrayList<>(List.of(samplers));
        beans.add(connection);
        beans.removeIf(element -> !(element instanceof org.apache.jmeter.testbeans.TestBean));
        for (TestElement bean : beans) {
            // as the GUI saves them, so that JMeter can load the plan file
            bean.setProperty(TestElement.GUI_CLASS, TestBeanGUI.class.getName());
            bean.setProperty(TestElement.TEST_CLASS, bean.getClass().getName());
        }
        Path jmx = NonGuiJMeter.save(Plans.plan(group, new TestElement[] {connection, listener}, samplers),
                dir.resolve("plan.jmx"));
        List<String> options = new java.util.ArrayList<>(List.of(jmeterOptions));
        options.addAll(List.of("-l", dir.resolve("results.csv").toString()));
        NonGuiJMeter.Outcome outcome = NonGuiJMeter.run(jmx, dir, BOUND, options.toArray(String[]::new));
        Path json = dir.resolve("summary").resolve(SummaryFiles.JSON_FILE);
        assertThat(json).as("summary.json written; console:%n%s", outcome.console()).exists();
        return new Run(outcome.exitStatus(), outcome.console(), SummaryJson.MAPPER.readTree(json.toFile()));
    }

    private record Run(int exitStatus, String console, JsonNode summary) {
    }
}
