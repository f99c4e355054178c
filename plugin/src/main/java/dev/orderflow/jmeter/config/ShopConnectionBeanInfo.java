package dev.orderflow.jmeter.config;

import dev.orderflow.jmeter.element.SchemaBeanInfo;
import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/** The menu label, form and saved properties of a {@link ShopConnection}: all from {@link ShopConnectionSchema}. */
public class ShopConnectionBeanInfo extends SchemaBeanInfo {

    public ShopConnectionBeanInfo() {
        super(ShopConnection.class, Form.class, ShopConnectionSchema.INSTANCE);
    }

    /** The shop connection's form. */
    public static final class Form extends SettingsCustomizer {

        private static final long serialVersionUID = 1L;

        public Form() {
            super(ShopConnectionSchema.INSTANCE);
        }
    }
}
