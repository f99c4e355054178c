package dev.orderflow.jmeter.gui;

import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.swing.JPasswordField;
import javax.swing.JTextArea;

import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.live.LiveViewListenerGui;
import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.CreateOrderSampler;
import dev.orderflow.jmeter.sampler.ListProductsSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.sampler.PageSampler;
import dev.orderflow.jmeter.summary.OrderSummaryListenerGui;
import dev.orderflow.jmeter.testing.FormShot;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/**
 * Shows every orderflow form as a new element of its own the way JMeter's GUI does ({@link FormShot}), and writes
 * each as a PNG with a line of findings to {@code report.txt}. Runs in a JVM of its own on a virtual display (see
 * {@link GuiRendersTest}).
 */
public final class FormRenderer {

    /** The thread group redraws its preview once its fields settle (a 300 ms timer). */
    private static final int PREVIEW_SETTLES_MS = 700;
    static final String REPORT = "report.txt";
    static final String OK = "OK";

    private FormRenderer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        JMeterEnvironment.init();
        Map<String, Supplier<JMeterGUIComponent>> forms = new LinkedHashMap<>();
        forms.put("shop-connection", () -> testBean(ShopConnection.class));
        forms.put("sampler-log-in", () -> testBean(LoginSampler.class));
        forms.put("sampler-list-products", () -> testBean(ListProductsSampler.class));
        forms.put("sampler-add-to-cart", () -> testBean(AddToCartSampler.class));
        forms.put("sampler-create-order", () -> testBean(CreateOrderSampler.class));
        forms.put("sampler-page", () -> testBean(PageSampler.class));
        forms.put("thread-group-users", () -> threadGroup(ShapeKind.USERS));
        forms.put("thread-group-stages", () -> threadGroup(ShapeKind.STAGES));
        forms.put("thread-group-script", () -> threadGroup(ShapeKind.SCRIPT));
        forms.put("thread-group-wrong-users", () -> {
            OrderFlowThreadGroupGui gui = (OrderFlowThreadGroupGui) threadGroup(ShapeKind.USERS);
            OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
            OrderFlowThreadGroupSchema.USERS.write(group, "ten");
            gui.configure(group);
            return gui;
        });
        forms.put("order-summary", () -> shown(new OrderSummaryListenerGui()));
        forms.put("live-view", () -> shown(new LiveViewListenerGui()));
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Supplier<JMeterGUIComponent>> form : forms.entrySet()) {
            report.add(form.getKey() + "\t" + render(form.getKey(), form.getValue(), out));
        }
        Files.write(out.resolve(REPORT), report);
        System.exit(0);
    }

    private static JMeterGUIComponent testBean(Class<?> elementClass) {
        return shown(new TestBeanGUI(elementClass));
    }

    /** A form showing a new element of its own, as after "Add" in JMeter's menu. */
    private static JMeterGUIComponent shown(JMeterGUIComponent gui) {
        gui.clearGui(); // as JMeter's Add action does before it asks the form for a new element
        TestElement element = gui.createTestElement();
        gui.configure(element);
        return gui;
    }

    private static JMeterGUIComponent threadGroup(ShapeKind shape) {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        gui.clearGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        group.setShape(shape);
        gui.configure(group);
        return gui;
    }

    /** Shows one form, checks it and writes its PNG (and its preview chart's); says what is wrong, or {@value #OK}. */
    private static String render(String name, Supplier<JMeterGUIComponent> form, Path out) {
        List<String> problems = FormShot.take(form, out.resolve(name + ".png"), PREVIEW_SETTLES_MS,
                (view, found) -> {
                    checkContent(name, view, found);
                    Component chart = FormShot.find(view, "PlannedUsersChart");
                    if (chart != null) {
                        FormShot.write(chart, out.resolve(name + "-preview-chart.png"), found);
                    }
                });
        return problems.isEmpty() ? OK : String.join("; ", problems);
    }

    /** What a person must see: a sampler says it needs a shop connection, an empty secret looks empty. */
    private static void checkContent(String name, Component view, List<String> problems) {
        if (name.startsWith("sampler-")) {
            Component description = FormShot.findNamed(view, "description");
            if (!(description instanceof JTextArea text) || !text.getText().contains("Shop connection")) {
                problems.add("does not say that it needs a Shop connection");
            }
        }
        Component secret = FormShot.find(view, "SecretField");
        if (secret instanceof JPasswordField field && field.getEchoChar() != 0) {
            problems.add("masks a secret field that holds no secret: '" + new String(field.getPassword()) + "'");
        }
        Component chart = FormShot.find(view, "PlannedUsersChart");
        if (name.startsWith("thread-group") && (chart == null || chart.getHeight() < chart.getMinimumSize().height)) {
            problems.add("shows no preview chart of its minimum height");
        }
    }
}
