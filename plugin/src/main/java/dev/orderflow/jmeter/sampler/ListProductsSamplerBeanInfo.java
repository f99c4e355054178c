package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/**
 * The menu label, form and saved properties of a {@link ListProductsSampler}: all from
 * {@link SamplerSchemas.ListProducts}.
 */
public class ListProductsSamplerBeanInfo extends SchemaBeanInfo {

    public ListProductsSamplerBeanInfo() {
        super(ListProductsSampler.class, Form.class, SamplerSchemas.ListProducts.INSTANCE);
    }

    /** The sampler's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(SamplerSchemas.ListProducts.INSTANCE);
        }
    }
}
