package dev.orderflow.jmeter.sampler;

import java.beans.PropertyDescriptor;

import org.apache.jmeter.testbeans.BeanInfoSupport;

/** The GUI form of an {@link AddToCartSampler}: how many distinct products go into a cart. */
public class AddToCartSamplerBeanInfo extends BeanInfoSupport {

    public AddToCartSamplerBeanInfo() {
        super(AddToCartSampler.class);
        createPropertyGroup("cart", new String[] {AddToCartSampler.MIN_PRODUCTS, AddToCartSampler.MAX_PRODUCTS});
        PropertyDescriptor p = property(AddToCartSampler.MIN_PRODUCTS);
        p.setValue(NOT_UNDEFINED, Boolean.TRUE);
        p.setValue(DEFAULT, 1);
        p = property(AddToCartSampler.MAX_PRODUCTS);
        p.setValue(NOT_UNDEFINED, Boolean.TRUE);
        p.setValue(DEFAULT, 2);
    }
}
