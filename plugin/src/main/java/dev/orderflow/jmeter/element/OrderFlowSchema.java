package dev.orderflow.jmeter.element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.schema.BaseTestElementSchema;
import org.apache.jmeter.testelement.schema.PropertyDescriptor;

/**
 * The settings of one kind of orderflow element, declared once with JMeter's schema API: each one registers its
 * JMeter {@link PropertyDescriptor} (saved name and default) and carries its label, hint and editor kind as a
 * {@link Setting}. The element, {@link SettingsReader} and the form builder all read the same declarations.
 *
 * <p>Subclasses declare their settings as static constants in the order the form shows them, grouped by
 * {@link #group(String)}; the schema is a singleton, as JMeter's own schemas are.
 */
public abstract class OrderFlowSchema extends BaseTestElementSchema {

    private final String elementKind;
    private final String description;
    private final List<Setting> settings = new ArrayList<>();
    private String currentGroup = "";

    /**
     * @param elementKind what the element is called in menus and messages, e.g. "Shop connection"
     * @param description what the element does, in a sentence or two: the top of its form
     */
    protected OrderFlowSchema(String elementKind, String description) {
        this.elementKind = elementKind;
        this.description = description;
    }

    /** "Shop connection": the element's kind in messages. */
    public String elementKind() {
        return elementKind;
    }

    /** "orderflow: Shop connection": the element's name in JMeter's menus. */
    public String menuLabel() {
        return "orderflow: " + elementKind;
    }

    public String description() {
        return description;
    }

    /** Every setting, in form order. */
    public List<Setting> settings() {
        return Collections.unmodifiableList(settings);
    }

    /** Gives every setting its default, as a new element starts. */
    public void applyDefaults(TestElement element) {
        for (Setting setting : settings) {
            if (setting.kind() != Setting.Kind.TABLE) {
                setting.write(element, setting.defaultValue());
            }
        }
    }

    /** The settings declared from here on belong to the part of the form with this title. */
    protected final void group(String title) {
        currentGroup = title;
    }

    protected final Setting text(String name, String label, String defaultValue, String hint) {
        return add(stringDescriptor(name, name, defaultValue), label, hint, Setting.Kind.TEXT, List.of());
    }

    protected final Setting longText(String name, String label, String defaultValue, String hint) {
        return add(stringDescriptor(name, name, defaultValue), label, hint, Setting.Kind.LONG_TEXT, List.of());
    }

    protected final Setting secret(String name, String label, String defaultValue, String hint) {
        return add(stringDescriptor(name, name, defaultValue), label, hint, Setting.Kind.SECRET, List.of());
    }

    protected final Setting file(String name, String label, String defaultValue, String hint) {
        return add(stringDescriptor(name, name, defaultValue), label, hint, Setting.Kind.FILE, List.of());
    }

    protected final Setting choice(String name, String label, String defaultValue, String hint, String... choices) {
        return add(stringDescriptor(name, name, defaultValue), label, hint, Setting.Kind.CHOICE, List.of(choices));
    }

    protected final Setting flag(String name, String label, boolean defaultValue, String hint) {
        return add(booleanDescriptor(name, name, defaultValue), label, hint, Setting.Kind.FLAG, List.of());
    }

    /** A collection of rows; the element's own form edits it, so generic forms leave it out. */
    protected final Setting table(String name, String label, String hint) {
        return add(collectionDescriptor(name, name), label, hint, Setting.Kind.TABLE, List.of());
    }

    private Setting add(PropertyDescriptor<?, ?> descriptor, String label, String hint, Setting.Kind kind,
            List<String> choices) {
        Setting setting = new Setting(descriptor, label, hint, kind, choices, currentGroup);
        settings.add(setting);
        return setting;
    }
}
