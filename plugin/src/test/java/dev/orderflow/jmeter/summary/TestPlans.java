package dev.orderflow.jmeter.summary;

import java.net.URI;
import java.nio.file.Path;

import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.testelement.TestElement;

import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.CreateOrderSampler;
import dev.orderflow.jmeter.sampler.ListProductsSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.testing.Plans;

/** The elements the summary's engine tests put in their plans. */
final class TestPlans {

    private TestPlans() {
    }

    /** The order flow as the shipped plans run it: log in once, then per iteration list, cart, order. */
    static TestElement[] orderFlow() {
        return new TestElement[] {Plans.named(new LoginSampler(), "login"),
                Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"), Plans.named(new CreateOrderSampler(), "order")};
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

    static OrderSummaryListener listener(Path outputDir) {
        OrderSummaryListener listener = new OrderSummaryListener();
        listener.setName("Order summary");
        listener.setProperty(TestElement.TEST_CLASS, OrderSummaryListener.class.getName());
        listener.setProperty(TestElement.GUI_CLASS, OrderSummaryListenerGui.class.getName());
        OrderSummarySchema.OUTPUT_DIR.write(listener, outputDir.toString());
        return listener;
    }
}
