package dev.orderflow.jmeter.element.gui;

import java.awt.BorderLayout;
import java.beans.Customizer;
import java.util.Map;

import javax.swing.JPanel;

import org.apache.jmeter.testbeans.gui.SharedCustomizer;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/**
 * The form of an orderflow element that JMeter shows through its TestBean GUI (the shop connection and the
 * samplers, whose saved plans name {@code TestBeanGUI}): the {@link SettingsForm} of the element's schema, editing
 * the property map JMeter's TestBean GUI saves from. Each element has a subclass naming its schema, which its
 * {@link dev.orderflow.jmeter.element.SchemaBeanInfo} declares as the customizer.
 */
public abstract class SettingsCustomizer extends JPanel implements Customizer, SharedCustomizer {

    private static final long serialVersionUID = 1L;

    private final SettingsForm form;
    private transient Map<String, Object> properties;

    protected SettingsCustomizer(OrderFlowSchema schema) {
        super(new BorderLayout());
        form = new SettingsForm(schema);
        add(form, BorderLayout.NORTH);
        form.onChange(this::save);
    }

    /** The form, for tests. */
    public SettingsForm form() {
        return form;
    }

    /** JMeter hands over the map it fills from the element before showing it, and saves from after editing. */
    @Override
    @SuppressWarnings("unchecked")
    public void setObject(Object bean) {
        properties = (Map<String, Object>) bean;
        form.fill(properties);
        save(); // a new element's map holds nothing yet: it gets the defaults the form shows
    }

    private void save() {
        if (properties != null) {
            form.texts().forEach((setting, text) -> properties.put(setting.name(),
                    setting.kind() == Setting.Kind.FLAG ? (Object) Boolean.valueOf(text) : text));
        }
    }
}
