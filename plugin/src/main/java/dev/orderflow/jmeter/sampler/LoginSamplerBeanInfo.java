package dev.orderflow.jmeter.sampler;

import org.apache.jmeter.testbeans.BeanInfoSupport;

/** The GUI form of a {@link LoginSampler}: everything it needs comes from the shop connection in scope. */
public class LoginSamplerBeanInfo extends BeanInfoSupport {

    public LoginSamplerBeanInfo() {
        super(LoginSampler.class);
    }
}
