package dev.orderflow.jmeter.testing;

import java.util.Map;

import org.apache.jmeter.control.LoopController;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.AbstractThreadGroup;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jmeter.threads.gui.ThreadGroupGui;
import org.apache.jmeter.control.gui.LoopControlPanel;
import org.apache.jmeter.control.gui.TestPlanGui;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/** Test plans built in code: a test plan, a stock JMeter thread group, a shop connection, samplers. */
public final class Plans {

    private Plans() {
    }

    /** A shop connection to 127.0.0.1:port using the project's users.csv, with extra fields set. */
    public static ShopConnection shopConnection(int port, Map<Setting, String> fields) {
        ShopConnection connection = new ShopConnection();
        connection.setName("Shop connection");
        connection.setProperty(ShopConnectionSchema.HOST.name(), "127.0.0.1");
        connection.setProperty(ShopConnectionSchema.PORT.name(), Integer.toString(port));
        connection.setProperty(ShopConnectionSchema.USERS_FILE.name(),
                JMeterEnvironment.csvData().resolve("users.csv").toString());
        fields.forEach((field, value) -> connection.setProperty(field.name(), value));
        return connection;
    }

    /** JMeter's stock thread group: that many users, each running that many iterations, all started at once. */
    public static ThreadGroup threadGroup(int users, int iterations) {
        LoopController loop = new LoopController();
        loop.setLoops(iterations);
        loop.setFirst(true);
        loop.setProperty(TestElement.GUI_CLASS, LoopControlPanel.class.getName());
        loop.setProperty(TestElement.TEST_CLASS, LoopController.class.getName());
        loop.initialize();
        ThreadGroup group = new ThreadGroup();
        group.setName("users");
        group.setNumThreads(users);
        group.setRampUp(0);
        group.setSamplerController(loop);
        group.setProperty(TestElement.GUI_CLASS, ThreadGroupGui.class.getName());
        group.setProperty(TestElement.TEST_CLASS, ThreadGroup.class.getName());
        return group;
    }

    /**
     * The orderflow thread group as the shipped plans use it: that many users, all started within the first
     * second, each looping over the order flow until the run time is over; then each finishes its current sample.
     */
    public static OrderFlowThreadGroup timedUsers(int users, int runTimeSeconds) {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        group.setName("users");
        group.setShape(ShapeKind.USERS);
        OrderFlowThreadGroupSchema.USERS.write(group, Integer.toString(users));
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, Integer.toString(users));
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, Integer.toString(runTimeSeconds));
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, "");
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "1");
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "10");
        return group;
    }

    /** A plan: test-plan-level elements, then a thread group with its samplers in order. */
    public static HashTree plan(AbstractThreadGroup group, TestElement[] planLevel, TestElement... samplers) {
        JMeterEnvironment.init();
        TestPlan testPlan = new TestPlan("plan");
        testPlan.setProperty(TestElement.GUI_CLASS, TestPlanGui.class.getName());
        testPlan.setProperty(TestElement.TEST_CLASS, TestPlan.class.getName());
        HashTree tree = new ListedHashTree();
        HashTree planTree = tree.add(testPlan);
        for (TestElement element : planLevel) {
            planTree.add(element);
        }
        HashTree groupTree = planTree.add(group);
        for (TestElement sampler : samplers) {
            groupTree.add(sampler);
        }
        return tree;
    }

    /** Names an element and returns it, for plans built inline. */
    public static <T extends TestElement> T named(T element, String name) {
        element.setName(name);
        return element;
    }
}
