package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/**
 * The menu label, form and saved properties of a {@link CreateOrderSampler}: all from
 * {@link SamplerSchemas.CreateOrder}.
 */
public class CreateOrderSamplerBeanInfo extends SchemaBeanInfo {

    public CreateOrderSamplerBeanInfo() {
        super(CreateOrderSampler.class, Form.class, SamplerSchemas.CreateOrder.INSTANCE);
    }

    /** The sampler's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(SamplerSchemas.CreateOrder.INSTANCE);
        }
    }
}
