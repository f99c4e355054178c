package dev.orderflow.jmeter.element;

import java.util.List;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.schema.BooleanPropertyDescriptor;
import org.apache.jmeter.testelement.schema.PropertyDescriptor;

/**
 * One setting of an orderflow element: JMeter's own property descriptor (the name the plan saves it under and its
 * default) with what a person needs besides: the label every form and error message uses, a hint for the tooltip,
 * and how the form edits it. Declared once, in the element's {@link OrderFlowSchema}.
 */
public final class Setting {

    /** How a form edits a setting; every kind but {@link #FLAG} holds text, so any value may be a JMeter expression. */
    public enum Kind {
        TEXT,
        /** Several lines: JSON bodies, scripts. */
        LONG_TEXT,
        /** Never shown in clear while it holds a value of its own, and never quoted in a message. */
        SECRET,
        /** A checkbox, saved as a boolean property. */
        FLAG,
        /** Text with suggested values. */
        CHOICE,
        /** A path with a "Browse…" button. */
        FILE,
        /** A collection of rows, which the element's own form edits in a table. */
        TABLE
    }

    private final PropertyDescriptor<?, ?> descriptor;
    private final String label;
    private final String hint;
    private final Kind kind;
    private final List<String> choices;
    private final String group;

    Setting(PropertyDescriptor<?, ?> descriptor, String label, String hint, Kind kind, List<String> choices,
            String group) {
        this.descriptor = descriptor;
        this.label = label;
        this.hint = hint;
        this.kind = kind;
        this.choices = List.copyOf(choices);
        this.group = group;
    }

    /** JMeter's descriptor of the property. */
    public PropertyDescriptor<?, ?> descriptor() {
        return descriptor;
    }

    /** The property's name in a saved plan. */
    public String name() {
        return descriptor.getName();
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    public Kind kind() {
        return kind;
    }

    /** The values a {@link Kind#CHOICE} suggests. */
    public List<String> choices() {
        return choices;
    }

    /** The title of the part of the form it is in, or empty. */
    public String group() {
        return group;
    }

    public boolean secret() {
        return kind == Kind.SECRET;
    }

    /** The value a new element starts with, as text. */
    public String defaultValue() {
        String value = descriptor.getDefaultValueAsString();
        return value == null ? "" : value;
    }

    /** "Port (port)": how messages name the setting, by its label and its saved name. */
    public String describe() {
        return label + " (" + name() + ")";
    }

    /** The element's value as text (a running element evaluates its expressions); the default when it has none. */
    public String read(TestElement element) {
        return element.getString(descriptor);
    }

    /** Stores a value as the plan saves it: a flag as a boolean property, anything else as text (empty included). */
    public void write(TestElement element, String value) {
        if (kind == Kind.TABLE) {
            throw new UnsupportedOperationException(describe() + " is a table, not a text");
        }
        if (descriptor instanceof BooleanPropertyDescriptor<?> flag) {
            element.set(flag, Boolean.valueOf(value == null ? defaultValue() : value.trim()));
        } else {
            element.setProperty(name(), value == null ? "" : value);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
