package dev.orderflow.testplans.plans;

import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.swing.JTable;
import javax.swing.JTextField;

import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;

import dev.orderflow.jmeter.testing.FormShot;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.shape.LoadScale;
import dev.orderflow.testplans.run.PlanCatalog;

/**
 * Opens every shipped plan as JMeter's GUI would, and shows each orderflow element of it in its own form (with
 * {@link FormShot}): every field a person reads holds a plain number or text, at most a {@code ${__P(name,default)}}
 * that lets a run override it; the thread group's load is plain numbers; and its preview says the scale a run applies
 * to them. Writes a PNG per form and a line of findings per form to {@value #REPORT}. Runs on a virtual display
 * ({@link PlansInTheGuiTest}).
 */
public final class PlanRenderer {

    static final String REPORT = "report.txt";
    static final String OK = "OK";
    /** The scale this JMeter runs at: the preview must say it. */
    static final String SCALE = "0.05";

    /** Plain text around {@code ${__P(name,plain default)}}: no other function, no nesting. */
    private static final Pattern READABLE = Pattern.compile("([^$]|\\$(?!\\{))*"
            + "(\\$\\{__P\\([\\w.]+,[^${}()]*\\)\\}([^$]|\\$(?!\\{))*)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** The thread group's fields that hold the load itself: plain numbers, or empty where the shape needs none. */
    private static final List<String> LOAD_FIELDS = List.of(OrderFlowThreadGroupSchema.USERS.name(),
            OrderFlowThreadGroupSchema.SPAWN_RATE.name(), OrderFlowThreadGroupSchema.ITERATIONS.name(),
            OrderFlowThreadGroupSchema.TIME_SCALE.name());
    /** The thread group redraws its preview once its fields settle (a 300 ms timer). */
    private static final int PREVIEW_SETTLES_MS = 700;

    private PlanRenderer() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        JMeterEnvironment.init();
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, SCALE);
        List<String> report = new ArrayList<>();
        for (PlanCatalog.Plan plan : PlanCatalog.all()) {
            HashTree tree = SaveService.loadTree(PlansFolder.path().resolve(plan.fileName()).toFile());
            SearchByClass<TestElement> all = new SearchByClass<>(TestElement.class);
            tree.traverse(all);
            int number = 0;
            for (TestElement element : all.getSearchResults()) {
                if (!element.getClass().getName().startsWith("dev.orderflow.jmeter.")) {
                    continue;
                }
                number++;
                String name = String.format(Locale.ROOT, "%s-%02d-%s", plan.name(), number, slug(element.getName()));
                List<String> problems = FormShot.take(() -> form(element), out.resolve(name + ".png"),
                        element instanceof OrderFlowThreadGroup ? PREVIEW_SETTLES_MS : 0,
                        (view, found) -> {
                            checkNumbers(element, view, found);
                            Component chart = FormShot.find(view, "PlannedUsersChart");
                            if (chart != null) {
                                // below the fold at JMeter's default size: kept as a picture of its own
                                FormShot.write(chart, out.resolve(name + "-preview-chart.png"), found);
                            }
                        });
                report.add(plan.name() + "\t" + name + "\t" + element.getClass().getSimpleName() + "\t"
                        + (problems.isEmpty() ? OK : String.join("; ", problems)));
            }
        }
        Files.write(out.resolve(REPORT), report);
        System.exit(0);
    }

    /** The element's own form, showing it, as JMeter's GUI does when the element is picked in the tree. */
    private static JMeterGUIComponent form(TestElement element) {
        String guiClass = element.getPropertyAsString(TestElement.GUI_CLASS);
        JMeterGUIComponent gui;
        try {
            gui = guiClass.equals(TestBeanGUI.class.getName())
                    ? new TestBeanGUI(element.getClass())
                    : (JMeterGUIComponent) Class.forName(guiClass).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(element.getName() + ": no form " + guiClass, e);
        }
        gui.configure(element);
        return gui;
    }

    private static void checkNumbers(TestElement element, Component view, List<String> problems) {
        for (Component component : FormShot.findAll(view, c -> c instanceof JTextField && c.isShowing())) {
            JTextField field = (JTextField) component;
            String text = field.getText();
            if (!READABLE.matcher(text).matches()) {
                problems.add(field.getName() + " is not plain: " + text);
            }
            if (field.getName() != null && LOAD_FIELDS.contains(field.getName()) && !text.isEmpty()
                    && !NUMBER.matcher(text).matches()) {
                problems.add(field.getName() + " holds no plain number: " + text);
            }
        }
        for (Component component : FormShot.findAll(view, c -> c instanceof JTable)) {
            JTable table = (JTable) component;
            for (int row = 0; row < table.getRowCount(); row++) {
                for (int column = 0; column < table.getColumnCount(); column++) {
                    String cell = String.valueOf(table.getValueAt(row, column));
                    if (!NUMBER.matcher(cell).matches()) {
                        problems.add(table.getName() + " row " + (row + 1) + " column '" + table.getColumnName(column)
                                + "' holds no plain number: " + cell);
                    }
                }
            }
        }
        if (element instanceof OrderFlowThreadGroup) {
            Component chart = FormShot.find(view, "PlannedUsersChart");
            String caption = chart == null ? null : chart.getAccessibleContext().getAccessibleDescription();
            if (caption == null || !caption.startsWith("at scale " + SCALE + ": peak ")) {
                problems.add("the preview does not say the scale a run applies: '" + caption + "'");
            }
        }
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
