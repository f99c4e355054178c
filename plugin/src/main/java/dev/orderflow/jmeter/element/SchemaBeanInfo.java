package dev.orderflow.jmeter.element;

import java.beans.BeanDescriptor;
import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.beans.SimpleBeanInfo;

import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;

import dev.orderflow.jmeter.element.gui.SettingsCustomizer;

/**
 * What JMeter's TestBean machinery learns about an orderflow TestBean, all from its {@link OrderFlowSchema}: the
 * menu label, the form ({@link SettingsCustomizer}) and the properties the TestBean GUI saves, each with its
 * default. The element has no bean accessors: it reads its settings through {@link SettingsReader}, so these
 * properties have no read or write method and JMeter's bean preparation passes them by.
 */
public abstract class SchemaBeanInfo extends SimpleBeanInfo {

    private final BeanDescriptor bean;
    private final PropertyDescriptor[] properties;

    protected SchemaBeanInfo(Class<?> elementClass, Class<? extends SettingsCustomizer> form, OrderFlowSchema schema) {
        bean = new BeanDescriptor(elementClass, form);
        bean.setDisplayName(schema.menuLabel());
        bean.setShortDescription(schema.description());
        properties = new PropertyDescriptor[schema.settings().size()];
        try {
            for (int i = 0; i < properties.length; i++) {
                Setting setting = schema.settings().get(i);
                PropertyDescriptor property = new PropertyDescriptor(setting.name(), null, null);
                property.setDisplayName(setting.label());
                property.setShortDescription(setting.hint());
                property.setValue(GenericTestBeanCustomizer.NOT_UNDEFINED, Boolean.TRUE);
                property.setValue(GenericTestBeanCustomizer.DEFAULT, setting.kind() == Setting.Kind.FLAG
                        ? (Object) Boolean.valueOf(setting.defaultValue()) : setting.defaultValue());
                properties[i] = property;
            }
        } catch (IntrospectionException e) {
            throw new IllegalStateException("A setting of " + schema.elementKind() + " has no usable name", e);
        }
    }

    @Override
    public BeanDescriptor getBeanDescriptor() {
        return bean;
    }

    @Override
    public PropertyDescriptor[] getPropertyDescriptors() {
        return properties.clone();
    }
}
