package dev.orderflow.jmeter.gui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JPasswordField;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

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
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui;
import dev.orderflow.jmeter.threads.shape.ShapeKind;

/**
 * Shows every orderflow form the way JMeter's GUI does, on a real (virtual) display, at JMeter's default size, and
 * writes each as a PNG with a line of findings to {@code report.txt}. Runs in a JVM of its own with a display (see
 * {@link GuiRendersTest}): the unit tests' JVM is headless.
 *
 * <p>JMeter sizes its window to 80 % of the screen (JMeter.startGui, ComponentUtil.centerComponentInWindow(main,
 * 80)); on a 1280×800 screen that is 1024×640, of which the tree, menu, tool bar and borders leave the element's
 * form about 790×530, inside a scroll pane as in JMeter's main frame.
 */
public final class FormRenderer {

    static final Dimension SCREEN = new Dimension(1280, 800);
    static final Dimension FORM_VIEW = new Dimension(790, 530);
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

    /** Shows one form in a frame, paints it to a PNG and says what is wrong with it, or {@value #OK}. */
    private static String render(String name, Supplier<JMeterGUIComponent> form, Path out) throws Exception {
        List<String> problems = new ArrayList<>();
        JFrame[] frame = new JFrame[1];
        Component[] root = new Component[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                JMeterGUIComponent gui = form.get();
                root[0] = (Component) gui;
                JScrollPane scroll = new JScrollPane(root[0]);
                scroll.setPreferredSize(FORM_VIEW);
                frame[0] = new JFrame(name);
                frame[0].setContentPane(scroll);
                frame[0].pack();
                frame[0].setVisible(true);
            });
            Thread.sleep(700); // the thread group redraws its preview once its fields settle (a 300 ms timer)
            SwingUtilities.invokeAndWait(() -> {
                Container content = frame[0].getContentPane();
                // a wrapping text knows its height only once it has its width: lay out again, as Swing does on show
                invalidateAll(root[0]);
                content.validate();
                Component view = root[0];
                if (view.getPreferredSize().width > viewWidth(content)) {
                    problems.add("needs " + view.getPreferredSize().width + " px of width, JMeter's default gives "
                            + viewWidth(content));
                }
                checkBounds(view, problems);
                checkContent(name, view, problems);
                try {
                    write(paint(content), out.resolve(name + ".png"), problems);
                    Component chart = find(view, "PlannedUsersChart");
                    if (chart != null) {
                        write(paint(chart), out.resolve(name + "-preview-chart.png"), problems);
                    }
                } catch (IOException e) {
                    problems.add("cannot write its PNG: " + e);
                }
                frame[0].dispose();
            });
        } catch (Exception | Error e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add("failed to render: " + cause);
        }
        return problems.isEmpty() ? OK : String.join("; ", problems);
    }

    private static void invalidateAll(Component component) {
        component.invalidate();
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                invalidateAll(child);
            }
        }
    }

    private static int viewWidth(Container content) {
        return ((JScrollPane) content).getViewport().getExtentSize().width;
    }

    /** Every showing component lies inside its parent and gets at least its minimum size; a scrolled view may not. */
    private static void checkBounds(Component component, List<String> problems) {
        if (!(component instanceof Container container)) {
            return;
        }
        for (Component child : container.getComponents()) {
            if (!child.isVisible()) {
                continue;
            }
            if (!(container instanceof JViewport)) {
                Rectangle r = child.getBounds();
                if (r.x < 0 || r.y < 0 || r.x + r.width > container.getWidth() + 1
                        || r.y + r.height > container.getHeight() + 1) {
                    problems.add(describe(child) + " is cut off: " + r + " in " + describe(container) + " of " + container.getSize());
                }
                Dimension minimum = child.getMinimumSize();
                // a scroll bar's own arrow buttons are drawn a little under their minimum by Swing itself
                if (!(container instanceof JScrollBar) && r.width > 0 && (r.width < minimum.width - 1 || r.height < minimum.height - 1)) {
                    problems.add(describe(child) + " is squeezed to " + r.width + "×" + r.height + " below its minimum "
                            + minimum.width + "×" + minimum.height);
                }
            }
            checkBounds(child, problems);
        }
    }

    /** What a person must see: a sampler says it needs a shop connection, an empty secret looks empty. */
    private static void checkContent(String name, Component view, List<String> problems) {
        if (name.startsWith("sampler-")) {
            Component description = findNamed(view, "description");
            if (!(description instanceof JTextArea text) || !text.getText().contains("Shop connection")) {
                problems.add("does not say that it needs a Shop connection");
            }
        }
        Component secret = find(view, "SecretField");
        if (secret instanceof JPasswordField field && field.getEchoChar() != 0) {
            problems.add("masks a secret field that holds no secret: '" + new String(field.getPassword()) + "'");
        }
        Component chart = find(view, "PlannedUsersChart");
        if (name.startsWith("thread-group") && (chart == null || chart.getHeight() < chart.getMinimumSize().height)) {
            problems.add("shows no preview chart of its minimum height");
        }
    }

    private static BufferedImage paint(Component component) {
        BufferedImage image = new BufferedImage(Math.max(1, component.getWidth()), Math.max(1, component.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            component.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void write(BufferedImage image, Path file, List<String> problems) throws IOException {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        if (colours.size() < 4) {
            problems.add(file.getFileName() + " painted almost nothing (" + colours.size() + " colours)");
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static Component find(Component component, String simpleClassName) {
        return find(component, c -> c.getClass().getSimpleName().equals(simpleClassName));
    }

    private static Component findNamed(Component component, String name) {
        return find(component, c -> name.equals(c.getName()));
    }

    private static Component find(Component component, Predicate<Component> wanted) {
        if (wanted.test(component)) {
            return component;
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                Component found = find(child, wanted);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String describe(Component component) {
        String name = component.getName();
        return component.getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
    }
}
