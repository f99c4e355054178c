package dev.orderflow.jmeter.summary;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.HierarchyEvent;

import javax.swing.BorderFactory;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.Timer;

import org.apache.jmeter.testelement.TestElement;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.gui.SettingsListenerGui;

/**
 * The order summary listener's form in the Listeners menu: its settings, and the run's counts, live while
 * it runs and its closing summary after.
 */
public class OrderSummaryListenerGui extends SettingsListenerGui {

    private static final long serialVersionUID = 1L;
    private static final int REFRESH_MS = 1000;

    private final JTextArea counts = new JTextArea(12, 60);
    /** Swing's own timer: it refreshes the counts on the event thread, and only while the form is showing. */
    private final Timer refresh = new Timer(REFRESH_MS, event -> showCounts());
    private transient OrderSummaryListener shown;

    public OrderSummaryListenerGui() {
        super(OrderSummaryListener::new);
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

    @Override
    protected OrderFlowSchema schema() {
        return OrderSummarySchema.INSTANCE;
    }

    @Override
    public void modifyTestElement(TestElement element) {
        super.modifyTestElement(element);
        if (element instanceof OrderSummaryListener listener) {
            listener.forgetRetiredFields();
        }
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        shown = element instanceof OrderSummaryListener listener ? listener : null;
        showCounts();
    }

    @Override
    public void clearGui() {
        super.clearGui();
        shown = null;
        showCounts();
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
