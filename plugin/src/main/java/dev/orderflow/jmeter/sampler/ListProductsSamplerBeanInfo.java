package dev.orderflow.jmeter.sampler;

import org.apache.jmeter.testbeans.BeanInfoSupport;

/** The GUI form of a {@link ListProductsSampler}: everything it needs comes from the shop connection in scope. */
public class ListProductsSamplerBeanInfo extends BeanInfoSupport {

    public ListProductsSamplerBeanInfo() {
        super(ListProductsSampler.class);
    }
}
