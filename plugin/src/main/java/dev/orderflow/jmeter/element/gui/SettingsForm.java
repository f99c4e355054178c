package dev.orderflow.jmeter.element.gui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.text.JTextComponent;

import org.apache.jmeter.gui.Binding;
import org.apache.jmeter.testelement.TestElement;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/**
 * The form of an orderflow element, built from its {@link OrderFlowSchema}: its description on top, then a titled
 * part per group with a labelled editor per setting (a text field, a secret field, an editable list of choices, a
 * checkbox, a file field or a text area), each with the setting's hint as tooltip. It is a JMeter {@link Binding}:
 * it fills itself from an element and writes itself into one, always as text (an empty value stays empty rather
 * than falling back to the default), so every form of ours saves what it shows.
 */
public final class SettingsForm extends JPanel implements Binding {

    private static final long serialVersionUID = 1L;
    /** Narrow enough for JMeter's default window; the layout widens every field to the form's width. */
    private static final int COLUMNS = 20;

    private final transient Map<Setting, Editor> editors = new LinkedHashMap<>();
    private final transient List<Runnable> changeListeners = new ArrayList<>();
    private final transient List<JLabel> labels = new ArrayList<>();
    private boolean filling;

    /** A form for every setting of the schema, with its description. */
    public SettingsForm(OrderFlowSchema schema) {
        this(schema.description(), schema.settings());
    }

    /** A form for some settings, with a description (or none when empty). */
    public SettingsForm(String description, List<Setting> settings) {
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        if (!description.isEmpty()) {
            add(describe(description));
        }
        JPanel part = null;
        String group = null;
        int row = 0;
        for (Setting setting : settings) {
            if (part == null || !setting.group().equals(group)) {
                group = setting.group();
                part = new JPanel(new GridBagLayout());
                if (!group.isEmpty()) {
                    part.setBorder(BorderFactory.createTitledBorder(group));
                }
                part.setAlignmentX(LEFT_ALIGNMENT);
                add(part);
                row = 0;
            }
            Editor editor = editor(setting);
            editors.put(setting, editor);
            addRow(part, row++, setting, editor.component());
        }
        add(Box.createVerticalGlue());
        alignLabels();
    }

    /** One label column for the whole form, though each group lays out on its own. */
    private void alignLabels() {
        int widest = labels.stream().mapToInt(label -> label.getPreferredSize().width).max().orElse(0);
        for (JLabel label : labels) {
            label.setPreferredSize(new Dimension(widest, label.getPreferredSize().height));
        }
    }

    /**
     * A read-only text in the label's look that wraps to the width it is given: for every sentence longer than a
     * label, so that no form needs more than JMeter's default width.
     */
    public static JTextArea describe(String text) {
        JTextArea area = new JTextArea(text);
        area.setName("description");
        area.setEditable(false);
        area.setFocusable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setOpaque(false);
        area.setFont(UIManager.getFont("Label.font"));
        area.setBorder(BorderFactory.createEmptyBorder(4, 4, 8, 4));
        area.setAlignmentX(LEFT_ALIGNMENT);
        // a wrapping text area asks for its text's width in one line: ask for little, the layout widens it
        area.setColumns(1);
        return area;
    }

    private void addRow(JPanel part, int row, Setting setting, JComponent editor) {
        GridBagConstraints cell = new GridBagConstraints();
        cell.gridy = row;
        cell.insets = new Insets(2, 4, 2, 4);
        cell.anchor = setting.kind() == Setting.Kind.LONG_TEXT ? GridBagConstraints.NORTHWEST : GridBagConstraints.WEST;
        if (setting.kind() == Setting.Kind.FLAG) {
            cell.gridx = 0;
            cell.gridwidth = 2;
            part.add(editor, cell);
            return;
        }
        JLabel label = new JLabel(setting.label());
        labels.add(label);
        label.setLabelFor(editor);
        label.setToolTipText(setting.hint());
        cell.gridx = 0;
        part.add(label, cell);
        cell.gridx = 1;
        cell.weightx = 1;
        cell.fill = GridBagConstraints.HORIZONTAL;
        part.add(editor, cell);
    }

    private Editor editor(Setting setting) {
        switch (setting.kind()) {
            case FLAG: {
                JCheckBox box = new JCheckBox(setting.label());
                box.addItemListener(event -> changed());
                return named(new Editor(box, () -> Boolean.toString(box.isSelected()),
                        text -> box.setSelected(Boolean.parseBoolean(text.trim()))), setting);
            }
            case CHOICE: {
                JComboBox<String> box = new JComboBox<>(setting.choices().toArray(new String[0]));
                box.setEditable(true);
                JTextComponent text = (JTextComponent) box.getEditor().getEditorComponent();
                listen(text);
                box.addActionListener(event -> changed());
                return named(new Editor(box, text::getText, box::setSelectedItem), setting);
            }
            case LONG_TEXT: {
                JTextArea area = new JTextArea(3, COLUMNS);
                area.setLineWrap(true);
                listen(area);
                JScrollPane pane = new JScrollPane(area);
                pane.setName(setting.name());
                pane.setToolTipText(setting.hint());
                area.setToolTipText(setting.hint());
                return new Editor(pane, area::getText, area::setText);
            }
            case SECRET: {
                SecretField field = new SecretField(COLUMNS);
                listen(field);
                return named(new Editor(field, () -> new String(field.getPassword()), field::setText), setting);
            }
            case FILE: {
                JTextField field = new JTextField(COLUMNS);
                listen(field);
                field.setName(setting.name());
                field.setToolTipText(setting.hint());
                JButton browse = new JButton("Browse…");
                browse.addActionListener(event -> {
                    JFileChooser chooser = new JFileChooser();
                    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                        field.setText(chooser.getSelectedFile().getPath());
                    }
                });
                JPanel withButton = new JPanel(new BorderLayout(4, 0));
                withButton.add(field, BorderLayout.CENTER);
                withButton.add(browse, BorderLayout.EAST);
                return new Editor(withButton, field::getText, field::setText);
            }
            default: {
                JTextField field = new JTextField(COLUMNS);
                listen(field);
                return named(new Editor(field, field::getText, field::setText), setting);
            }
        }
    }

    private static Editor named(Editor editor, Setting setting) {
        editor.component().setName(setting.name());
        editor.component().setToolTipText(setting.hint());
        return editor;
    }

    private void listen(JTextComponent text) {
        text.getDocument().addDocumentListener(new OnEdit(this::changed));
    }

    private void changed() {
        if (!filling) {
            changeListeners.forEach(Runnable::run);
        }
    }

    /** Called after every edit a person makes (not when the form is filled). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** The text a setting's editor shows. */
    public String text(Setting setting) {
        return editors.get(setting).value().get();
    }

    /** Puts a text into a setting's editor. */
    public void setText(Setting setting, String text) {
        editors.get(setting).show().accept(text == null ? "" : text);
    }

    /** Every setting's text, in form order. */
    public Map<Setting, String> texts() {
        Map<Setting, String> texts = new LinkedHashMap<>();
        editors.forEach((setting, editor) -> texts.put(setting, editor.value().get()));
        return texts;
    }

    /**
     * Fills the form from a map of values by saved name (a TestBean's property map); absent ones show their default.
     */
    public void fill(Map<String, ?> values) {
        filling = true;
        try {
            editors.forEach((setting, editor) -> {
                Object value = values.get(setting.name());
                editor.show().accept(value == null ? setting.defaultValue() : value.toString());
            });
        } finally {
            filling = false;
        }
    }

    /** Shows every setting's default, as for a new element. */
    public void clear() {
        fill(Map.of());
    }

    @Override
    public void updateElement(TestElement element) {
        editors.forEach((setting, editor) -> setting.write(element, editor.value().get()));
    }

    @Override
    public void updateUi(TestElement element) {
        filling = true;
        try {
            editors.forEach((setting, editor) -> editor.show().accept(setting.read(element)));
        } finally {
            filling = false;
        }
    }

    /** The editor of a setting: its component, how to read its text and how to show one. */
    private record Editor(JComponent component, Supplier<String> value, Consumer<String> show) {
    }
}
