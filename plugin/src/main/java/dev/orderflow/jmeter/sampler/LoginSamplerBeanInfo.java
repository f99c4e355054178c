package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/** The menu label, form and saved properties of a {@link LoginSampler}: all from {@link SamplerSchemas.LogIn}. */
public class LoginSamplerBeanInfo extends SchemaBeanInfo {

    public LoginSamplerBeanInfo() {
        super(LoginSampler.class, Form.class, SamplerSchemas.LogIn.INSTANCE);
    }

    /** The sampler's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(SamplerSchemas.LogIn.INSTANCE);
        }
    }
}
