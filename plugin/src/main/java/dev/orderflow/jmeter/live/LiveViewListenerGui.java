package dev.orderflow.jmeter.live;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.EnumMap;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.visualizers.gui.AbstractListenerGui;

/** The live view's form in the Listeners menu: where the page is served. */
public class LiveViewListenerGui extends AbstractListenerGui {

    private static final long serialVersionUID = 1L;
    static final String TITLE = "orderflow: Live view";

    private final Map<LiveViewField, JTextField> fields = new EnumMap<>(LiveViewField.class);

    public LiveViewListenerGui() {
        setLayout(new BorderLayout(0, 5));
        setBorder(makeBorder());
        JPanel top = new JPanel(new BorderLayout());
        top.add(makeTitlePanel(), BorderLayout.NORTH);
        top.add(settingsPanel(), BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
    }

    private JPanel settingsPanel() {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setBorder(BorderFactory.createTitledBorder(
                "A page in the browser while the run goes on (read-only; its address is printed at the start)"));
        GridBagConstraints cell = new GridBagConstraints();
        cell.insets = new Insets(2, 4, 2, 4);
        cell.anchor = GridBagConstraints.WEST;
        int row = 0;
        for (LiveViewField field : LiveViewField.values()) {
            JTextField input = new JTextField(40);
            input.setName(field.key());
            JLabel label = new JLabel(field.label());
            label.setLabelFor(input);
            cell.gridy = row++;
            cell.gridx = 0;
            cell.weightx = 0;
            cell.fill = GridBagConstraints.NONE;
            panel.add(label, cell);
            cell.gridx = 1;
            cell.weightx = 1;
            cell.fill = GridBagConstraints.HORIZONTAL;
            panel.add(input, cell);
            fields.put(field, input);
        }
        return panel;
    }

    @Override
    public String getLabelResource() {
        return "orderflow_live_view"; // not in JMeter's bundle: getStaticLabel gives the title
    }

    @Override
    public String getStaticLabel() {
        return TITLE;
    }

    @Override
    public TestElement createTestElement() {
        LiveViewListener listener = new LiveViewListener();
        modifyTestElement(listener);
        return listener;
    }

    @Override
    public void modifyTestElement(TestElement element) {
        super.modifyTestElement(element);
        if (element instanceof LiveViewListener listener) {
            fields.forEach((field, input) -> listener.set(field, input.getText()));
        }
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        if (element instanceof LiveViewListener listener) {
            fields.forEach((field, input) -> input.setText(listener.get(field)));
        }
    }

    @Override
    public void clearGui() {
        super.clearGui();
        fields.forEach((field, input) -> input.setText(field.initialValue()));
    }
}
