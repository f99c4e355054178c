package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/**
 * The menu label, form and saved properties of a {@link AddToCartSampler}: all from {@link SamplerSchemas.AddToCart}.
 */
public class AddToCartSamplerBeanInfo extends SchemaBeanInfo {

    public AddToCartSamplerBeanInfo() {
        super(AddToCartSampler.class, Form.class, SamplerSchemas.AddToCart.INSTANCE);
    }

    /** The sampler's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(SamplerSchemas.AddToCart.INSTANCE);
        }
    }
}
