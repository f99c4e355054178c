package dev.orderflow.jmeter.threads.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import javax.swing.JTextField;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.UserLoopController;
import dev.orderflow.jmeter.threads.plan.PlannedCurve;
import dev.orderflow.jmeter.threads.shape.LoadScale;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

class OrderFlowThreadGroupGuiTest {

    @BeforeAll
    static void headlessJMeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    /**
     * The preview follows this JMeter's scale and timescale: whatever a build or a person set for a run, these
     * tests start from full scale (set, not removed: JMeter falls back to system properties for unset ones).
     */
    @BeforeEach
    void fullScale() {
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, "1");
        JMeterUtils.setProperty(LoadScale.TIMESCALE_PROPERTY, "1");
    }

    @AfterAll
    static void noScaleLeftForOtherTests() {
        JMeterUtils.getJMeterProperties().remove(LoadScale.SCALE_PROPERTY);
        JMeterUtils.getJMeterProperties().remove(LoadScale.TIMESCALE_PROPERTY);
    }

    @Test
    void aNewElementGetsTheDefaultsAndTheSteppedSeedShape() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();

        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();

        assertThat(group.getName()).isEqualTo("orderflow: Thread group");
        assertThat(group.getPropertyAsString(TestElement.GUI_CLASS)).isEqualTo(OrderFlowThreadGroupGui.class.getName());
        assertThat(group.getShapeKind()).isEqualTo(ShapeKind.USERS);
        assertThat(OrderFlowThreadGroupSchema.USERS.read(group)).isEqualTo("10");
        assertThat(OrderFlowThreadGroupSchema.TIME_SCALE.read(group)).as("a run's -Jtimescale applies on top of it")
                .isEqualTo("1");
        assertThat(group.getStages()).containsExactly(
                new StageText("60", "100", "10"), new StageText("180", "300", "10"), new StageText("300", "500", "10"),
                new StageText("420", "700", "10"), new StageText("600", "1000", "10"));
        assertThat(OrderFlowThreadGroupSchema.SCRIPT.read(group)).contains("def tick(elapsedSeconds)");
        assertThat(group.isVirtualThreads()).isTrue();
        assertThat(group.getSamplerController()).isInstanceOf(UserLoopController.class);
    }

    @Test
    void configureThenModifyLeavesTheElementAsItWas() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup original = (OrderFlowThreadGroup) gui.createTestElement();
        original.setName("Orders");
        original.setShape(ShapeKind.SCRIPT);
        OrderFlowThreadGroupSchema.USERS.write(original, "${__P(users,1000)}");
        OrderFlowThreadGroupSchema.RUN_TIME.write(original, "");
        OrderFlowThreadGroupSchema.ITERATIONS.write(original, "1");
        original.setStages(List.of(new StageText("30", "5", "1")));
        OrderFlowThreadGroupSchema.STOP_GRACE.write(original, "3");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(original, "false");
        original.setIsSameUserOnNextIteration(false);
        original.setProperty(OrderFlowThreadGroup.ON_SAMPLE_ERROR, OrderFlowThreadGroup.ON_SAMPLE_ERROR_STOPTHREAD);

        gui.configure(original);
        TestElement copy = gui.createTestElement();
        gui.modifyTestElement(copy);

        assertThat(copy).isEqualTo(original);
    }

    @Test
    void thePreviewFollowsTheFieldsAndEvaluatesPropertyExpressions() {
        JMeterUtils.setProperty("orderflow.gui.test.users", "40");
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        gui.configure(gui.createTestElement());
        assertThat(gui.chart().curve().maxUsers()).isEqualTo(10);

        field(gui, OrderFlowThreadGroupSchema.USERS).setText("${__P(orderflow.gui.test.users,5)}");
        assertThat(gui.previewPending()).as("a change schedules a redraw").isTrue();
        gui.refreshPreview();

        PlannedCurve curve = gui.chart().curve();
        assertThat(curve.maxUsers()).isEqualTo(40);
        assertThat(curve.usersAt(40)).isEqualTo(1 * 40);
        assertThat(gui.chart().note()).isEqualTo("peak 40 users, ends at 1:00");
    }

    @Test
    void thePreviewShowsTheLoadAtTheScaleThisJMeterRunsAt() {
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, "0.05");
        JMeterUtils.setProperty(LoadScale.TIMESCALE_PROPERTY, "0.5");
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        OrderFlowThreadGroupSchema.USERS.write(group, "1000");
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, "100");
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "60");

        gui.configure(group);

        // 1000 × 0.05 users at 100 × 0.05 per second, for the run time as written: timescale is for stages
        PlannedCurve curve = gui.chart().curve();
        assertThat(curve.maxUsers()).isEqualTo(50);
        assertThat(curve.usersAt(5)).isEqualTo(25);
        assertThat(gui.chart().note()).isEqualTo("at scale 0.05: peak 50 users, ends at 1:00");

        group.setShape(ShapeKind.STAGES);
        gui.configure(group);

        // the seed stages: 100 … 1000 users until 60 … 600 s, at half the time
        assertThat(gui.chart().curve().maxUsers()).isEqualTo(50);
        assertThat(gui.chart().note()).isEqualTo("at scale 0.05, timescale 0.5: peak 50 users, ends at 5:00");
    }

    @Test
    void aScalePropertyThatIsNoNumberIsShownAsTheProblem() {
        JMeterUtils.setProperty(LoadScale.SCALE_PROPERTY, "half");
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();

        gui.configure(gui.createTestElement());

        assertThat(gui.chart().curve()).isNull();
        assertThat(gui.chart().problem()).isEqualTo("JMeter property scale: must be a number, got 'half'");
    }

    @Test
    void aBadFieldShowsTheProblemNamingTheFieldInsteadOfTheChart() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        gui.configure(gui.createTestElement());

        field(gui, OrderFlowThreadGroupSchema.SPAWN_RATE).setText("0");
        gui.refreshPreview();

        assertThat(gui.chart().curve()).isNull();
        assertThat(gui.chart().problem())
                .isEqualTo("Spawn rate (users/s): must be more than 0 users/s to start 10 users, got '0'");
    }

    @Test
    void theStagesShapeShowsTheSteppedCurveAndAScriptErrorNamesItsLine() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        group.setShape(ShapeKind.STAGES);
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "1");
        gui.configure(group);

        assertThat(gui.chart().curve().lastSeconds()).isEqualTo(600);
        assertThat(gui.chart().note()).isEqualTo("peak 1000 users, ends at 10:00");

        group.setShape(ShapeKind.SCRIPT);
        OrderFlowThreadGroupSchema.SCRIPT.write(group, "def tick(t) {\n  [10, \n}\n");
        gui.configure(group);

        assertThat(gui.chart().problem()).startsWith("Shape script line 3: does not compile");
    }

    @Test
    void theShapeMayBeAPropertyExpressionAndTheEditorShowsTheShapeItGives() {
        JMeterUtils.setProperty("orderflow.gui.test.shape", "stages");
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        OrderFlowThreadGroupSchema.SHAPE.write(group, "${__P(orderflow.gui.test.shape,users)}");
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "1");

        gui.configure(group);
        OrderFlowThreadGroup written = new OrderFlowThreadGroup();
        gui.modifyTestElement(written);

        assertThat(gui.chart().curve().lastSeconds()).as("the stages shape is drawn").isEqualTo(600);
        assertThat(OrderFlowThreadGroupSchema.SHAPE.read(written)).isEqualTo("${__P(orderflow.gui.test.shape,users)}");
    }

    @Test
    void anOnErrorActionTheChoicesCannotShowIsKeptUnlessAnotherIsChosen() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        group.setProperty(OrderFlowThreadGroup.ON_SAMPLE_ERROR, "${__P(on_error,stopthread)}");

        gui.configure(group);
        OrderFlowThreadGroup written = new OrderFlowThreadGroup();
        gui.modifyTestElement(written);

        assertThat(written.getPropertyAsString(OrderFlowThreadGroup.ON_SAMPLE_ERROR))
                .isEqualTo("${__P(on_error,stopthread)}");
    }

    @Test
    void iterationBoundUsersAreCaptionedAsSuch() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        OrderFlowThreadGroupSchema.USERS.write(group, "100");
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, "10");
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "");
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, "1");
        gui.configure(group);

        assertThat(gui.chart().note()).isEqualTo("peak 100 users started; each runs 1 iteration, then ends");
    }

    @Test
    void clearingTheEditorBringsBackTheDefaults() {
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) gui.createTestElement();
        OrderFlowThreadGroupSchema.USERS.write(group, "77");
        gui.configure(group);

        gui.clearGui();

        assertThat(field(gui, OrderFlowThreadGroupSchema.USERS).getText()).isEqualTo("10");
    }

    @Test
    void theChartPaintsThePlannedUsers() {
        PlannedUsersChart chart = new PlannedUsersChart();
        OrderFlowThreadGroupGui gui = new OrderFlowThreadGroupGui();
        gui.configure(gui.createTestElement());
        chart.showCurve(gui.chart().curve(), "peak 10 users");
        chart.setSize(400, 200);
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);

        chart.paint(image.getGraphics());

        assertThat(countLinePixels(image)).isGreaterThan(300);
        chart.showProblem("Users: is empty");
        chart.paint(image.getGraphics());
        assertThat(PlannedUsersChart.clock(600)).isEqualTo("10:00");
        assertThat(PlannedUsersChart.clock(2.5)).isEqualTo("2.5 s");
        assertThat(PlannedUsersChart.clock(42)).isEqualTo("42 s");
    }

    @Test
    void theStagesTableEditsRows() {
        StagesTableModel model = new StagesTableModel();
        model.setRows(List.of(new StageText("60", "100", "10")));

        model.addRow();
        model.setValueAt("250", 1, 1);
        model.removeRow(0);
        model.removeRow(5);

        assertThat(model.rows()).containsExactly(new StageText("120", "250", "10"));
        assertThat(model.getColumnName(0)).isEqualTo("until (s)");
        assertThat(model.getValueAt(0, 2)).isEqualTo("10");
        assertThat(model.isCellEditable(0, 0)).isTrue();
        assertThat(model.getColumnClass(1)).isEqualTo(String.class);
    }

    private static int countLinePixels(BufferedImage image) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (Math.abs(((rgb >> 16) & 0xff) - 0x1f) < 40 && Math.abs((rgb & 0xff) - 0xb4) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private static JTextField field(Container root, Setting field) {
        return find(root, field.name()).orElseThrow(() -> new AssertionError("no field " + field.name()));
    }

    private static Optional<JTextField> find(Container root, String name) {
        for (Component child : root.getComponents()) {
            if (child instanceof JTextField text && name.equals(text.getName())) {
                return Optional.of(text);
            }
            if (child instanceof Container container) {
                Optional<JTextField> found = find(container, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
