package dev.orderflow.jmeter.sampler;

import org.apache.jmeter.testbeans.BeanInfoSupport;

/** The GUI form of a {@link CreateOrderSampler}: everything it needs comes from the shop connection in scope. */
public class CreateOrderSamplerBeanInfo extends BeanInfoSupport {

    public CreateOrderSamplerBeanInfo() {
        super(CreateOrderSampler.class);
    }
}
