package dev.orderflow.jmeter.summary;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.HierarchyEvent;
import java.util.EnumMap;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.Timer;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.visualizers.gui.AbstractListenerGui;

/**
 * The order summary listener's form in the Listeners menu: its settings, and the run's counts, live while
 * it runs and its closing summary after.
 */
public class OrderSummaryListenerGui extends AbstractListenerGui {

    private static final long serialVersionUID = 1L;
    static final String TITLE = "OrderFlow Order Summary";
    private static final int REFRESH_MS = 1000;

    private final Map<SummaryField, JTextField> fields = new EnumMap<>(SummaryField.class);
    private final JTextArea counts = new JTextArea(16, 80);
    /** Swing's own timer: it refreshes the counts on the event thread, and only while the form is showing. */
    private final Timer refresh = new Timer(REFRESH_MS, event -> showCounts());
    private transient OrderSummaryListener shown;

    public OrderSummaryListenerGui() {
        setLayout(new BorderLayout(0, 5));
        setBorder(makeBorder());
        JPanel top = new JPanel(new BorderLayout());
        top.add(makeTitlePanel(), BorderLayout.NORTH);
        top.add(settingsPanel(), BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        counts.setEditable(false);
        counts.setFont(new Font(Font.MONOSPACED, Font.PLAIN, counts.getFont().getSize()));
        JScrollPane countsPane = new JScrollPane(counts);
        countsPane.setBorder(BorderFactory.createTitledBorder("Counts of the running or last run"));
        add(countsPane, BorderLayout.CENTER);
        addHierarchyListener(event -> {
            if ((event.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0) {
                if (isShowing()) {
                    refresh.start();
                } else {
                    refresh.stop();
                }
            }
        });
    }

    private JPanel settingsPanel() {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setBorder(BorderFactory.createTitledBorder("Summary, thresholds and shop reconciliation"));
        GridBagConstraints cell = new GridBagConstraints();
        cell.insets = new Insets(2, 4, 2, 4);
        cell.anchor = GridBagConstraints.WEST;
        int row = 0;
        for (SummaryField field : SummaryField.values()) {
            JTextField input = field == SummaryField.ADMIN_KEY ? new JPasswordField(40) : new JTextField(40);
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
        return "orderflow_order_summary"; // not in JMeter's bundle: getStaticLabel gives the title
    }

    @Override
    public String getStaticLabel() {
        return TITLE;
    }

    @Override
    public TestElement createTestElement() {
        OrderSummaryListener listener = new OrderSummaryListener();
        modifyTestElement(listener);
        return listener;
    }

    @Override
    public void modifyTestElement(TestElement element) {
        super.modifyTestElement(element);
        if (element instanceof OrderSummaryListener listener) {
            fields.forEach((field, input) -> listener.set(field, input.getText()));
            listener.forgetRetiredFields();
        }
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        if (element instanceof OrderSummaryListener listener) {
            fields.forEach((field, input) -> input.setText(listener.get(field)));
            shown = listener;
        }
        showCounts();
    }

    @Override
    public void clearGui() {
        super.clearGui();
        fields.forEach((field, input) -> input.setText(field.initialValue()));
        shown = null;
        showCounts();
    }

    /** The text in one field, as the form shows it: for tests and for whoever embeds the form. */
    String fieldText(SummaryField field) {
        return fields.get(field).getText();
    }

    void setFieldText(SummaryField field, String text) {
        fields.get(field).setText(text);
    }

    /** What the counts area shows now. */
    String countsText() {
        return counts.getText();
    }

    void showCounts() {
        OrderSummaryListener listener = shown;
        String text;
        if (listener == null) {
            text = "";
        } else if (listener.lastSummary() != null) {
            text = SummaryText.render(listener.lastSummary());
        } else {
            text = SummaryText.live(listener.liveCounts());
        }
        if (!text.equals(counts.getText())) {
            counts.setText(text);
        }
    }
}
