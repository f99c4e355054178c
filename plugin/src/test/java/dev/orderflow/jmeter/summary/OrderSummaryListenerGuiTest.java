package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jmeter.gui.util.MenuFactory;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

class OrderSummaryListenerGuiTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void jmeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    @Test
    void aNewElementStartsWithPropertyFunctionsForEveryField() {
        OrderSummaryListenerGui gui = new OrderSummaryListenerGui();
        gui.clearGui();

        OrderSummaryListener listener = (OrderSummaryListener) gui.createTestElement();

        for (Setting field : OrderSummarySchema.INSTANCE.settings()) {
            assertThat(field.read(listener)).as(field.label()).isEqualTo(field.defaultValue());
        }
        assertThat(listener.getName()).isEqualTo("orderflow: Order summary");
        assertThat(listener.getPropertyAsString(TestElement.GUI_CLASS))
                .isEqualTo(OrderSummaryListenerGui.class.getName());
        assertThat(listener.getPropertyAsString(TestElement.TEST_CLASS))
                .isEqualTo(OrderSummaryListener.class.getName());
        assertThat(gui.getMenuCategories()).containsExactly(MenuFactory.LISTENERS);
        assertThat(gui.getStaticLabel()).isEqualTo("orderflow: Order summary");
    }

    @Test
    void configureThenModifyKeepsEveryFieldAndASavedPlanLoadsThemBack() throws IOException {
        OrderSummaryListenerGui gui = new OrderSummaryListenerGui();
        OrderSummaryListener edited = new OrderSummaryListener();
        edited.setName("Orders 500 summary");
        for (Setting field : OrderSummarySchema.INSTANCE.settings()) {
            field.write(edited, "value of " + field.name());
        }
        gui.configure(edited);
        assertThat(gui.form().text(OrderSummarySchema.MAX_P95_MS)).isEqualTo("value of OrderSummary.maxP95Ms");
        gui.form().setText(OrderSummarySchema.MIN_SUCCESS_RATE, "95");

        OrderSummaryListener modified = new OrderSummaryListener();
        gui.modifyTestElement(modified);
        HashTree plan = new ListedHashTree();
        plan.add(modified);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        SaveService.saveTree(plan, saved);
        Path jmx = Files.write(dir.resolve("plan.jmx"), saved.toByteArray());
        OrderSummaryListener loaded = (OrderSummaryListener) SaveService.loadTree(jmx.toFile()).getArray()[0];

        assertThat(loaded.getName()).isEqualTo("Orders 500 summary");
        assertThat(OrderSummarySchema.MIN_SUCCESS_RATE.read(loaded)).isEqualTo("95");
        for (Setting field : OrderSummarySchema.INSTANCE.settings()) {
            if (field != OrderSummarySchema.MIN_SUCCESS_RATE) {
                assertThat(field.read(loaded)).isEqualTo("value of " + field.name());
            }
        }
        assertThat(saved.toString(StandardCharsets.UTF_8)).contains("OrderSummary.maxP95Ms");
    }

    @Test
    void theFormShowsTheLiveCountsOfTheRunningCopyAndThenItsSummary() {
        OrderSummaryListenerGui gui = new OrderSummaryListenerGui();
        OrderSummaryListener element = new OrderSummaryListener();
        element.setName("Order summary");
        OrderSummarySchema.OUTPUT_DIR.write(element, dir.toString());
        gui.configure(element);
        OrderSummaryListener running = (OrderSummaryListener) element.clone();

        running.testStarted();
        running.sampleOccurred(new SampleEvent(FlowSamples.attemptStart(FlowStep.ORDER, true, "201"), "tg"));
        gui.showCounts();
        String live = gui.countsText();
        running.testEnded();
        gui.showCounts();

        assertThat(live).contains("Orders created:       1").doesNotContain(SummaryText.TITLE);
        assertThat(gui.countsText()).startsWith(SummaryText.TITLE).contains("Verdict:              PASS");
        gui.clearGui();
        assertThat(gui.countsText()).isEmpty();
    }
}
