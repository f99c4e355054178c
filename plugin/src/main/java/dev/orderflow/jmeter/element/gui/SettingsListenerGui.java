package dev.orderflow.jmeter.element.gui;

import java.awt.BorderLayout;
import java.util.function.Supplier;

import javax.swing.JPanel;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.visualizers.gui.AbstractListenerGui;

import dev.orderflow.jmeter.element.OrderFlowSchema;

/**
 * The form of an orderflow listener in JMeter's Listeners menu: its name and comment, then the {@link SettingsForm}
 * of its schema. A subclass may put more below (the order summary shows the run's counts).
 */
public abstract class SettingsListenerGui extends AbstractListenerGui {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<TestElement> newElement;
    private final SettingsForm form;

    protected SettingsListenerGui(Supplier<TestElement> newElement) {
        this.newElement = newElement;
        this.form = new SettingsForm(schema());
        setLayout(new BorderLayout(0, 5));
        setBorder(makeBorder());
        JPanel top = new JPanel(new BorderLayout());
        top.add(makeTitlePanel(), BorderLayout.NORTH);
        top.add(form, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        form.clear();
    }

    /** The listener's settings; JMeter asks for its label while this form is still being constructed. */
    protected abstract OrderFlowSchema schema();

    /** The settings form, for tests and subclasses. */
    public SettingsForm form() {
        return form;
    }

    @Override
    public String getLabelResource() {
        return getClass().getSimpleName(); // not in JMeter's bundle: getStaticLabel gives the title
    }

    @Override
    public String getStaticLabel() {
        return schema().menuLabel();
    }

    @Override
    public TestElement createTestElement() {
        TestElement element = newElement.get();
        modifyTestElement(element);
        return element;
    }

    @Override
    public void modifyTestElement(TestElement element) {
        super.modifyTestElement(element);
        form.updateElement(element);
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        form.updateUi(element);
    }

    @Override
    public void clearGui() {
        super.clearGui();
        form.clear();
    }
}
