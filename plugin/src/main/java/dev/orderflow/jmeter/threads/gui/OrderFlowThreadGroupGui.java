package dev.orderflow.jmeter.threads.gui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

import org.apache.jmeter.gui.util.JSyntaxTextArea;
import org.apache.jmeter.gui.util.JTextScrollPane;
import org.apache.jmeter.gui.util.VerticalPanel;
import org.apache.jmeter.control.Controller;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.TestElementProperty;
import org.apache.jmeter.threads.AbstractThreadGroup;
import org.apache.jmeter.threads.gui.AbstractThreadGroupGui;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.gui.OnEdit;
import dev.orderflow.jmeter.element.gui.SettingsForm;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.UserLoopController;
import dev.orderflow.jmeter.threads.run.UserThreads;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;
import dev.orderflow.jmeter.threads.shape.ShapeSettings;

import net.miginfocom.swing.MigLayout;

/**
 * The editor of {@link OrderFlowThreadGroup}: the shape (users and spawn rate, a stages table, or a shape
 * script), time scale, stop grace period, virtual threads, and a preview of the planned users over time that
 * is redrawn as the fields change. Every text field takes JMeter expressions; the preview evaluates what it
 * can outside a run.
 */
public class OrderFlowThreadGroupGui extends AbstractThreadGroupGui {

    private static final long serialVersionUID = 1L;
    private static final String EXAMPLE_SCRIPT = "example-shape.groovy";
    /** Default time scale of a new group; a run compresses any plan with -Jtimescale=0.05 on top of it. */
    static final String DEFAULT_TIME_SCALE = "1";

    /** The shape's name, or an expression giving it (e.g. ${__P(shape,stages)}). */
    private final JComboBox<String> shape = new JComboBox<>(
            java.util.Arrays.stream(ShapeKind.values()).map(ShapeKind::propertyValue).toArray(String[]::new));
    private final CardLayout shapeCards = new CardLayout();
    /** As tall as the card it shows, not as the tallest card (the script's), so no blank gap stays below the others. */
    private final JPanel shapePanel = new JPanel(shapeCards) {
        private static final long serialVersionUID = 1L;

        @Override
        public Dimension getPreferredSize() {
            for (Component card : getComponents()) {
                if (card.isVisible()) {
                    Insets insets = getInsets();
                    Dimension size = card.getPreferredSize();
                    return new Dimension(size.width + insets.left + insets.right,
                            size.height + insets.top + insets.bottom);
                }
            }
            return super.getPreferredSize();
        }
    };

    private final JTextField users = new JTextField(8);
    private final JTextField spawnRate = new JTextField(8);
    private final JTextField runTime = new JTextField(8);
    private final JTextField iterations = new JTextField(8);
    private final StagesTableModel stages = new StagesTableModel();
    private final JTable stagesTable = new JTable(stages);
    private final JSyntaxTextArea script = JSyntaxTextArea.getInstance(12, 60);
    private final JTextField timeScale = new JTextField(12);
    private final JTextField stopGrace = new JTextField(6);
    private final JTextField tickTimeLimit = new JTextField(6);
    private final JCheckBox virtualThreads = new JCheckBox(OrderFlowThreadGroupSchema.VIRTUAL_THREADS.label());
    private final JCheckBox sameUser = new JCheckBox("Same user on each iteration");
    private final PlannedUsersChart chart = new PlannedUsersChart();
    /** Redraws once typing pauses: compiling a shape script on every keystroke would be wasteful. */
    private final Timer previewTimer = new Timer(300, e -> refreshPreview());
    /**
     * What the element held that this editor cannot show: its main controller, and an on-error action that
     * is not one of the choices (an expression, say). Written back as it was unless the user picks a choice.
     */
    private transient Controller shownMainController;
    private String shownOnSampleError;

    public OrderFlowThreadGroupGui() {
        super();
        previewTimer.setRepeats(false);
        add(createEditor(), BorderLayout.CENTER);
        listenForChanges();
        fill(defaults());
    }

    /**
     * As wide as JMeter's thread group forms ask (their minimum, so the window may narrow them) but as tall as the
     * form really is: JMeter's own answer, the minimum height, made its scroll pane cut off the stages table and
     * the preview chart.
     */
    @Override
    public Dimension getPreferredSize() {
        return new Dimension(getMinimumSize().width, getLayout().preferredLayoutSize(this).height);
    }

    @Override
    public String getLabelResource() {
        return "orderflow_thread_group";
    }

    @Override
    public String getStaticLabel() {
        return OrderFlowThreadGroupSchema.INSTANCE.menuLabel();
    }

    @Override
    public TestElement makeTestElement() {
        return new OrderFlowThreadGroup();
    }

    @Override
    public void assignDefaultValues(TestElement element) {
        super.assignDefaultValues(element);
        assignShapeDefaults((OrderFlowThreadGroup) element);
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) element;
        shownMainController = group.getSamplerController();
        shownOnSampleError = group.getPropertyAsString(AbstractThreadGroup.ON_SAMPLE_ERROR);
        fill(group);
    }

    @Override
    public void modifyTestElement(TestElement element) {
        super.modifyTestElement(element);
        if (stagesTable.isEditing()) {
            stagesTable.getCellEditor().stopCellEditing();
        }
        OrderFlowThreadGroup group = (OrderFlowThreadGroup) element;
        // modifyTestElement cleared every property, the main controller included.
        if (shownMainController instanceof UserLoopController shown) {
            group.setProperty(new TestElementProperty(AbstractThreadGroup.MAIN_CONTROLLER,
                    (UserLoopController) shown.clone()));
        } else {
            group.setSamplerController(new UserLoopController());
        }
        keepOnSampleErrorTheEditorCannotShow(group);
        group.setIsSameUserOnNextIteration(sameUser.isSelected());
        OrderFlowThreadGroupSchema.SHAPE.write(group, shapeText());
        OrderFlowThreadGroupSchema.USERS.write(group, users.getText());
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, spawnRate.getText());
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, runTime.getText());
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, iterations.getText());
        group.setStages(stages.rows());
        OrderFlowThreadGroupSchema.SCRIPT.write(group, script.getText());
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, timeScale.getText());
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, stopGrace.getText());
        OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.write(group, tickTimeLimit.getText());
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, Boolean.toString(virtualThreads.isSelected()));
    }

    @Override
    public void clearGui() {
        super.clearGui();
        shownMainController = null;
        shownOnSampleError = null;
        fill(defaults());
    }

    /**
     * The on-error choices write one of their values; a value that is none of them (an expression) showed as
     * "continue" and is kept when that is still what is chosen.
     */
    private void keepOnSampleErrorTheEditorCannotShow(OrderFlowThreadGroup group) {
        if (shownOnSampleError == null
                || ON_ERROR_CHOICES.contains(shownOnSampleError.toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        String onError = group.getPropertyAsString(AbstractThreadGroup.ON_SAMPLE_ERROR);
        if (AbstractThreadGroup.ON_SAMPLE_ERROR_CONTINUE.equals(onError)) {
            group.setProperty(AbstractThreadGroup.ON_SAMPLE_ERROR, shownOnSampleError);
        }
    }

    private static final List<String> ON_ERROR_CHOICES = List.of(
            AbstractThreadGroup.ON_SAMPLE_ERROR_CONTINUE, AbstractThreadGroup.ON_SAMPLE_ERROR_START_NEXT_LOOP,
            AbstractThreadGroup.ON_SAMPLE_ERROR_STOPTHREAD, AbstractThreadGroup.ON_SAMPLE_ERROR_STOPTEST,
            AbstractThreadGroup.ON_SAMPLE_ERROR_STOPTEST_NOW);

    /** Redraws the preview from the fields now (the editor does it shortly after each change). */
    void refreshPreview() {
        showShapeFields();
        ShapePreview preview = ShapePreview.of(settingsForPreview());
        if (preview.problem() != null) {
            chart.showProblem(preview.problem());
        } else {
            chart.showCurve(preview.curve(), preview.note());
        }
    }

    PlannedUsersChart chart() {
        return chart;
    }

    /** True while a redraw is scheduled after a change. */
    boolean previewPending() {
        return previewTimer.isRunning();
    }

    private ShapeSettings settingsForPreview() {
        return new ShapeSettings(
                ExpressionPreview.evaluate(shapeText()),
                ExpressionPreview.evaluate(users.getText()),
                ExpressionPreview.evaluate(spawnRate.getText()),
                ExpressionPreview.evaluate(runTime.getText()),
                ExpressionPreview.evaluate(iterations.getText()),
                stages.rows().stream().map(row -> new StageText(
                        ExpressionPreview.evaluate(row.until()),
                        ExpressionPreview.evaluate(row.users()),
                        ExpressionPreview.evaluate(row.spawnRate()))).toList(),
                ExpressionPreview.evaluate(script.getText()),
                ExpressionPreview.evaluate(timeScale.getText()),
                ExpressionPreview.evaluate(tickTimeLimit.getText()));
    }

    private String shapeText() {
        Object text = shape.isEditable() ? shape.getEditor().getItem() : shape.getSelectedItem();
        return text == null ? "" : text.toString();
    }

    /** The shape the fields below are for: the evaluated shape text's, the users shape when it is none. */
    private ShapeKind shownShape() {
        return ShapeKind.fromPropertyValue(ExpressionPreview.evaluate(shapeText())).orElse(ShapeKind.USERS);
    }

    private void showShapeFields() {
        shapeCards.show(shapePanel, shownShape().propertyValue());
        shapePanel.revalidate(); // its height follows the card shown
    }

    private void fill(OrderFlowThreadGroup group) {
        String shapeText = OrderFlowThreadGroupSchema.SHAPE.read(group);
        shape.setSelectedItem(shapeText);
        shape.getEditor().setItem(shapeText);
        showShapeFields();
        users.setText(OrderFlowThreadGroupSchema.USERS.read(group));
        spawnRate.setText(OrderFlowThreadGroupSchema.SPAWN_RATE.read(group));
        runTime.setText(OrderFlowThreadGroupSchema.RUN_TIME.read(group));
        iterations.setText(OrderFlowThreadGroupSchema.ITERATIONS.read(group));
        stages.setRows(group.getStages());
        script.setInitialText(OrderFlowThreadGroupSchema.SCRIPT.read(group));
        script.setCaretPosition(0);
        timeScale.setText(OrderFlowThreadGroupSchema.TIME_SCALE.read(group));
        stopGrace.setText(OrderFlowThreadGroupSchema.STOP_GRACE.read(group));
        tickTimeLimit.setText(OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.read(group));
        virtualThreads.setSelected(group.isVirtualThreads());
        sameUser.setSelected(group.isSameUserOnNextIteration());
        refreshPreview();
    }

    private static OrderFlowThreadGroup defaults() {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        assignShapeDefaults(group);
        return group;
    }

    private static void assignShapeDefaults(OrderFlowThreadGroup group) {
        group.setShape(ShapeKind.USERS);
        writeDefaults(group, OrderFlowThreadGroupSchema.USERS, OrderFlowThreadGroupSchema.SPAWN_RATE,
                OrderFlowThreadGroupSchema.RUN_TIME, OrderFlowThreadGroupSchema.ITERATIONS);
        group.setStages(OrderFlowThreadGroupSchema.SEED_STAGES.stream()
                .map(row -> new StageText(row.get(0), row.get(1), row.get(2))).toList());
        OrderFlowThreadGroupSchema.SCRIPT.write(group, exampleScript());
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, DEFAULT_TIME_SCALE);
        writeDefaults(group, OrderFlowThreadGroupSchema.STOP_GRACE, OrderFlowThreadGroupSchema.TICK_TIME_LIMIT,
                OrderFlowThreadGroupSchema.VIRTUAL_THREADS);
        group.setIsSameUserOnNextIteration(true);
    }

    /** Writes each setting's default, so that a new element saves every value it runs with. */
    private static void writeDefaults(OrderFlowThreadGroup group, Setting... settings) {
        for (Setting setting : settings) {
            setting.write(group, setting.defaultValue());
        }
    }

    static String exampleScript() {
        try (InputStream in = OrderFlowThreadGroup.class.getResourceAsStream(EXAMPLE_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_SCRIPT + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JPanel createEditor() {
        VerticalPanel editor = new VerticalPanel();
        editor.add(createShapeChoice());
        shapePanel.add(createUsersCard(), ShapeKind.USERS.propertyValue());
        shapePanel.add(createStagesCard(), ShapeKind.STAGES.propertyValue());
        shapePanel.add(createScriptCard(), ShapeKind.SCRIPT.propertyValue());
        editor.add(shapePanel);
        editor.add(createRunOptions());
        JPanel preview = new JPanel(new BorderLayout());
        preview.setBorder(BorderFactory.createTitledBorder("Planned users (whole cluster)"));
        preview.add(chart, BorderLayout.CENTER);
        editor.add(preview);
        return editor;
    }

    private JPanel createShapeChoice() {
        JPanel panel = new JPanel(new BorderLayout(8, 0));
        panel.setBorder(BorderFactory.createTitledBorder(OrderFlowThreadGroupSchema.SHAPE.label()));
        shape.setEditable(true);
        shape.setName(OrderFlowThreadGroupSchema.SHAPE.name());
        shape.addActionListener(e -> {
            showShapeFields();
            schedulePreview();
        });
        JPanel choice = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        choice.add(shape);
        panel.add(choice, BorderLayout.WEST);
        panel.add(SettingsForm.describe("users: users and spawn rate · stages: a table of stages · script: a Groovy"
                + " shape · or an expression such as ${__P(shape,stages)}"), BorderLayout.CENTER);
        return panel;
    }

    private JPanel createUsersCard() {
        JPanel card = new JPanel(new MigLayout("fillx, wrap 4", "[][fill,grow][][fill,grow]"));
        addField(card, OrderFlowThreadGroupSchema.USERS, users);
        addField(card, OrderFlowThreadGroupSchema.SPAWN_RATE, spawnRate);
        addField(card, OrderFlowThreadGroupSchema.RUN_TIME, runTime);
        addField(card, OrderFlowThreadGroupSchema.ITERATIONS, iterations);
        card.add(SettingsForm.describe("Leave run time empty to let each user run its iterations and end;"
                + " leave iterations empty to loop until the run time is over."), "span 4, growx, wmin 0");
        return card;
    }

    private JPanel createStagesCard() {
        JPanel card = new JPanel(new BorderLayout());
        stagesTable.setFillsViewportHeight(true);
        stagesTable.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        JScrollPane scroll = new JScrollPane(stagesTable);
        scroll.setPreferredSize(new java.awt.Dimension(400, 140));
        card.add(scroll, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        JButton add = new JButton("Add stage");
        add.addActionListener(e -> stages.addRow());
        JButton remove = new JButton("Remove stage");
        remove.addActionListener(e -> stages.removeRow(stagesTable.getSelectedRow()));
        buttons.add(add);
        buttons.add(remove);
        JPanel below = new JPanel(new BorderLayout());
        below.add(buttons, BorderLayout.WEST);
        below.add(SettingsForm.describe("Going down, surplus users end after their current iteration; the test ends"
                + " with the last stage."), BorderLayout.CENTER);
        card.add(below, BorderLayout.SOUTH);
        return card;
    }

    private JPanel createScriptCard() {
        JPanel card = new JPanel(new BorderLayout());
        script.setLanguage("groovy");
        card.add(JTextScrollPane.getInstance(script), BorderLayout.CENTER);
        JPanel below = new JPanel(new MigLayout("fillx, wrap 2", "[][fill,grow]"));
        below.add(SettingsForm.describe("tick(elapsedSeconds) is asked about once a second: return [users, spawnRate]"
                + " for the cluster, or null to end."), "span 2, growx, wmin 0");
        JLabel limitLabel = new JLabel(OrderFlowThreadGroupSchema.TICK_TIME_LIMIT.label());
        limitLabel.setLabelFor(tickTimeLimit);
        below.add(limitLabel);
        below.add(tickTimeLimit, "growx 0");
        card.add(below, BorderLayout.SOUTH);
        return card;
    }

    private JPanel createRunOptions() {
        JPanel panel = new JPanel(new MigLayout("fillx, wrap 4", "[][fill,grow][][fill,grow]"));
        panel.setBorder(BorderFactory.createTitledBorder("Run"));
        addField(panel, OrderFlowThreadGroupSchema.TIME_SCALE, timeScale);
        addField(panel, OrderFlowThreadGroupSchema.STOP_GRACE, stopGrace);
        panel.add(virtualThreads, "span 2");
        panel.add(sameUser, "span 2");
        panel.add(SettingsForm.describe("This JVM: Java " + Runtime.version().feature() + ", users would run on "
                + (UserThreads.virtualThreadsAvailable() ? "virtual threads when ticked" : "platform threads")
                + ". Time scale multiplies run time and stage times (spawn rates follow). JMeter properties scale"
                + " (users, spawn rates) and timescale (times) scale the shape for a run; the preview shows it."),
                "span 4, growx, wmin 0");
        return panel;
    }

    private static void addField(JPanel panel, Setting field, JTextField text) {
        JLabel label = new JLabel(field.label());
        label.setLabelFor(text);
        text.setName(field.name());
        panel.add(label);
        panel.add(text);
    }

    private void listenForChanges() {
        DocumentListener onEdit = new OnEdit(this::schedulePreview);
        for (JTextComponent field : List.of(users, spawnRate, runTime, iterations, timeScale, tickTimeLimit, script)) {
            field.getDocument().addDocumentListener(onEdit);
        }
        stages.addTableModelListener(e -> schedulePreview());
        if (shape.getEditor().getEditorComponent() instanceof JTextComponent typed) {
            typed.getDocument().addDocumentListener(onEdit);
        }
    }

    private void schedulePreview() {
        previewTimer.restart();
    }
}
