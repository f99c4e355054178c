package dev.orderflow.jmeter.sampler;

import java.beans.PropertyDescriptor;

import org.apache.jmeter.testbeans.BeanInfoSupport;

/** The GUI form of a {@link PageSampler}: the page's path. */
public class PageSamplerBeanInfo extends BeanInfoSupport {

    public PageSamplerBeanInfo() {
        super(PageSampler.class);
        createPropertyGroup("page", new String[] {PageSampler.PATH});
        PropertyDescriptor p = property(PageSampler.PATH);
        p.setValue(NOT_UNDEFINED, Boolean.TRUE);
        p.setValue(DEFAULT, "/");
    }
}
