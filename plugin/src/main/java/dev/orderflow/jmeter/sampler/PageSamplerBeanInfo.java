package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/** The menu label, form and saved properties of a {@link PageSampler}: all from {@link SamplerSchemas.Page}. */
public class PageSamplerBeanInfo extends SchemaBeanInfo {

    public PageSamplerBeanInfo() {
        super(PageSampler.class, Form.class, SamplerSchemas.Page.INSTANCE);
    }

    /** The sampler's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(SamplerSchemas.Page.INSTANCE);
        }
    }
}
