package dev.orderflow.jmeter.threads;

import java.time.Duration;
import java.util.List;

import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings;

/** Builds and runs small test plans around one {@link OrderFlowThreadGroup}. */
final class ThreadGroupPlans {

    private ThreadGroupPlans() {
    }

    /** A group that notes when it started and when it was asked to stop ({@link ObservedThreadGroup}). */
    static ObservedThreadGroup group(String name) {
        JMeterEnvironment.init();
        ObservedThreadGroup group = new ObservedThreadGroup();
        group.setName(name);
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "1");
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "1");
        return group;
    }

    static HashTree plan(OrderFlowThreadGroup group, TestElement... children) {
        TestPlan testPlan = new TestPlan("thread group test");
        testPlan.setUserDefinedVariables(new Arguments());
        HashTree plan = new ListedHashTree();
        plan.add(testPlan);
        HashTree groupTree = plan.get(testPlan).add(group);
        groupTree.add(List.of(children));
        return plan;
    }

    static JMeterEnvironment.RunningTest start(OrderFlowThreadGroup group, TestElement... children) {
        return JMeterEnvironment.start(plan(group, children));
    }

    /** A stages group; each row is "until | users | spawn rate" (bars, since expressions contain commas). */
    static ObservedThreadGroup stages(String name, String... rows) {
        ObservedThreadGroup group = group(name);
        group.setShape(ShapeKind.STAGES);
        group.setStages(java.util.Arrays.stream(rows).map(r -> r.split("\\|"))
                .map(c -> new ShapeSettings.StageText(c[0].trim(), c[1].trim(), c[2].trim())).toList());
        return group;
    }

    static ObservedThreadGroup users(String name, int users, double rate, String runTime, String iterations) {
        ObservedThreadGroup group = group(name);
        group.setShape(ShapeKind.USERS);
        OrderFlowThreadGroupSchema.USERS.write(group, Integer.toString(users));
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, Double.toString(rate));
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, runTime);
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, iterations);
        return group;
    }

    static void run(OrderFlowThreadGroup group, Duration timeout, TestElement... children) throws Exception {
        JMeterEnvironment.run(plan(group, children), timeout);
    }
}
