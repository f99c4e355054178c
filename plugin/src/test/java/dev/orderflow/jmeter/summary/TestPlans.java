package dev.orderflow.jmeter.summary;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.apache.jmeter.control.LoopController;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.AbstractThreadGroup;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

import dev.orderflow.jmeter.flow.FlowStep;

/** Small plans for JMeter's engine (saved as JMX, they load in JMeter like plans made in its GUI): one thread group over some samplers, and the order summary listener. */
final class TestPlans {

    private TestPlans() {
    }

    /** LOGIN, CART, ORDER per iteration; a failed step starts the next iteration, as the samplers' flow does. */
    static List<Sampler> orderFlow(URI shop, Path usersCsv, long timeoutMs) {
        return List.of(
                FlowStepTestSampler.of(FlowStep.LOGIN, shop.toString(), usersCsv, timeoutMs),
                FlowStepTestSampler.of(FlowStep.CART, shop.toString(), usersCsv, timeoutMs),
                FlowStepTestSampler.of(FlowStep.ORDER, shop.toString(), usersCsv, timeoutMs));
    }

    /** JMeter's stock HTTP sampler: samples of another kind, which the listener times by label too. */
    static HTTPSamplerProxy stockGet(String label, URI server, String path) {
        HTTPSamplerProxy get = new HTTPSamplerProxy();
        get.setName(label);
        get.setProtocol(server.getScheme());
        get.setDomain(server.getHost());
        get.setPort(server.getPort());
        get.setPath(path);
        get.setMethod("GET");
        get.setProperty(TestElement.TEST_CLASS, HTTPSamplerProxy.class.getName());
        get.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.protocol.http.control.gui.HttpTestSampleGui");
        return get;
    }

    static HashTree plan(int users, int loops, List<? extends Sampler> samplers, OrderSummaryListener listener) {
        LoopController loop = new LoopController();
        loop.setLoops(loops);
        loop.setFirst(true);
        loop.setProperty(TestElement.TEST_CLASS, LoopController.class.getName());
        loop.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.control.gui.LoopControlPanel");
        ThreadGroup group = new ThreadGroup();
        group.setName("users");
        group.setNumThreads(users);
        group.setRampUp(0);
        group.setSamplerController(loop);
        group.setProperty(AbstractThreadGroup.ON_SAMPLE_ERROR, AbstractThreadGroup.ON_SAMPLE_ERROR_START_NEXT_LOOP);
        group.setProperty(TestElement.TEST_CLASS, ThreadGroup.class.getName());
        group.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.threads.gui.ThreadGroupGui");
        TestPlan plan = new TestPlan("summary test");
        plan.setProperty(TestElement.TEST_CLASS, TestPlan.class.getName());
        plan.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.control.gui.TestPlanGui");
        HashTree tree = new ListedHashTree();
        HashTree planTree = tree.add(plan);
        HashTree groupTree = planTree.add(group);
        samplers.forEach(groupTree::add);
        planTree.add(listener);
        return tree;
    }

    static OrderSummaryListener listener(Path outputDir) {
        OrderSummaryListener listener = new OrderSummaryListener();
        listener.setName("Order summary");
        listener.setProperty(TestElement.TEST_CLASS, OrderSummaryListener.class.getName());
        listener.setProperty(TestElement.GUI_CLASS, OrderSummaryListenerGui.class.getName());
        listener.set(SummaryField.OUTPUT_DIR, outputDir.toString());
        return listener;
    }
}
