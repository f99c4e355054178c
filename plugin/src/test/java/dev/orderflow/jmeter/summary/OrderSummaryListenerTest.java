package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

/** The element's life cycle as JMeter drives it, locally and on a distributed run's controller. */
class OrderSummaryListenerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    private OrderSummaryListener listener(String name, Path out) {
        OrderSummaryListener listener = new OrderSummaryListener();
        listener.setName(name);
        OrderSummarySchema.OUTPUT_DIR.write(listener, out.toString());
        return listener;
    }

    private static void feed(OrderSummaryListener listener, SampleResult sample) {
        listener.sampleOccurred(new SampleEvent(sample, "Thread Group"));
    }

    private static OrderFlowSampleResult created(int engine, int engines) {
        OrderFlowSampleResult order = FlowSamples.attemptStart(FlowStep.ORDER, true, "201");
        order.setEngine(engine);
        order.setEngineCount(engines);
        return order;
    }

    private static JsonNode summaryIn(Path out) throws IOException {
        return SummaryJson.MAPPER.readTree(out.resolve(SummaryFiles.JSON_FILE).toFile());
    }

    @Test
    void aLocalRunIsSummarisedWhenItEnds() throws IOException {
        Path out = dir.resolve("local");
        OrderSummaryListener listener = listener("Order summary", out);
        OrderSummarySchema.PLAN.write(listener, "local plan");

        listener.testStarted();
        feed(listener, created(0, 1));
        feed(listener, FlowSamples.plain("HTTP Request", 1_000, 12, true));
        assertThat(listener.liveCounts().samples()).isEqualTo(2);
        listener.testEnded();

        JsonNode summary = summaryIn(out);
        assertThat(summary.get("plan").asText()).isEqualTo("local plan");
        assertThat(summary.get("orders_created").asLong()).isEqualTo(1);
        assertThat(summary.get("labels").get("HTTP Request").get("count").asLong()).isEqualTo(1);
        assertThat(Files.readString(out.resolve(SummaryFiles.TEXT_FILE))).startsWith(SummaryText.TITLE);
        assertThat(listener.lastSummary().passed()).isTrue();
    }

    @Test
    void theControllersCopiesOfOneElementAreSummarisedOnceForTheWholeCluster() throws IOException {
        Path out = dir.resolve("cluster");
        OrderSummaryListener element = listener("Order summary", out);
        // the controller runs one copy per engine, as ClientJMeterEngine clones the plan for each
        OrderSummaryListener forEngine1 = (OrderSummaryListener) element.clone();
        OrderSummaryListener forEngine2 = (OrderSummaryListener) element.clone();

        forEngine1.testStarted("127.0.0.1:1099");
        forEngine2.testStarted("127.0.0.1:1100");
        feed(forEngine1, created(0, 2));
        feed(forEngine2, created(1, 2));
        feed(forEngine2, created(1, 2));
        forEngine1.testEnded("127.0.0.1:1099");
        assertThat(out.resolve(SummaryFiles.JSON_FILE)).doesNotExist();
        forEngine2.testEnded("127.0.0.1:1100");

        JsonNode summary = summaryIn(out);
        assertThat(summary.get("orders_created").asLong()).isEqualTo(3);
        assertThat(summary.get("orders_attempted").asLong()).isEqualTo(3);
        assertThat(summary.get("engines").asInt()).isEqualTo(2);
        assertThat(element.lastSummary().counts().samples()).isEqualTo(3); // the GUI's element sees it too
    }

    @Test
    void anEngineThatEndsBeforeTheOtherStartsDoesNotEndTheClustersRun() throws IOException {
        Path out = dir.resolve("staggered");
        OrderSummaryListener element = listener("Order summary", out);
        OrderSummaryListener forEngine1 = (OrderSummaryListener) element.clone();
        OrderSummaryListener forEngine2 = (OrderSummaryListener) element.clone();

        forEngine1.testStarted("engine-1");
        feed(forEngine1, created(0, 2));
        forEngine1.testEnded("engine-1");
        assertThat(out.resolve(SummaryFiles.JSON_FILE)).doesNotExist();
        forEngine2.testStarted("engine-2");
        feed(forEngine2, created(1, 2));
        forEngine2.testEnded("engine-2");

        assertThat(summaryIn(out).get("orders_created").asLong()).isEqualTo(2);
    }

    @Test
    void aPastedCopyOfTheElementCountsOnItsOwn() throws IOException {
        OrderSummaryListener original = listener("Order summary", dir.resolve("original"));
        OrderSummaryListener pasted = (OrderSummaryListener) original.clone(); // what the GUI's paste does
        OrderSummarySchema.OUTPUT_DIR.write(pasted, dir.resolve("pasted").toString());
        OrderSummaryListener runningOriginal = (OrderSummaryListener) original.clone();
        OrderSummaryListener runningPasted = (OrderSummaryListener) pasted.clone();

        runningOriginal.testStarted();
        runningPasted.testStarted();
        feed(runningOriginal, created(0, 1));
        feed(runningOriginal, created(0, 1));
        feed(runningPasted, created(0, 1));
        runningOriginal.testEnded();
        runningPasted.testEnded();

        assertThat(summaryIn(dir.resolve("original")).get("orders_created").asLong()).isEqualTo(2);
        assertThat(summaryIn(dir.resolve("pasted")).get("orders_created").asLong()).isEqualTo(1);
    }

    @Test
    void aSecondRunStartsFromZero() throws IOException {
        Path out = dir.resolve("twice");
        OrderSummaryListener element = listener("Order summary", out);

        for (int run = 1; run <= 2; run++) {
            OrderSummaryListener running = (OrderSummaryListener) element.clone();
            running.testStarted();
            feed(running, created(0, 1));
            running.testEnded();
        }

        assertThat(summaryIn(out).get("orders_created").asLong()).isEqualTo(1);
    }

    @Test
    void functionsInTheFieldsAreEvaluatedWhereJMeterLeftThemAsText() throws IOException {
        // a distributed run's controller compiles functions only for its own result collectors
        Path out = dir.resolve("from-property");
        JMeterUtils.setProperty("orderflow.test.summary_dir", out.toString());
        JMeterUtils.setProperty("orderflow.test.min_success_rate", "50");
        OrderSummaryListener listener = new OrderSummaryListener();
        listener.setName("Order summary");
        OrderSummarySchema.OUTPUT_DIR.write(listener, "${__P(orderflow.test.summary_dir,unused)}");
        OrderSummarySchema.MIN_SUCCESS_RATE.write(listener, "${__P(orderflow.test.min_success_rate,)}");
        OrderSummarySchema.MAX_MEAN_MS.write(listener, "${__P(orderflow.test.not_set,)}");

        listener.testStarted("engine-1");
        feed(listener, created(0, 1));
        listener.testEnded("engine-1");

        JsonNode summary = summaryIn(out);
        assertThat(summary.get("thresholds")).hasSize(1);
        assertThat(summary.get("thresholds").get(0).get("limit").asDouble()).isEqualTo(50.0);
    }

    @Test
    void unusableSettingsRefuseTheRunNamingTheElementAndField() {
        OrderSummaryListener listener = listener("Orders 1000", dir.resolve("refused"));
        OrderSummarySchema.MAX_P95_MS.write(listener, "-1");

        assertThatThrownBy(listener::testStarted)
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Order summary 'Orders 1000': Max p95 response time (ms) (OrderSummary.maxP95Ms): '-1' is "
                        + "not 0 or more");
        assertThat(dir.resolve("refused/summary.json")).doesNotExist();
    }

    @Test
    void aFunctionThatCannotBeEvaluatedIsRefusedWithoutShowingAKey() {
        OrderSummaryListener listener = listener("Order summary", dir.resolve("bad-function"));
        OrderSummarySchema.ADMIN_KEY.write(listener, "${__P(admin_key,secret-fallback}");

        assertThatThrownBy(() -> listener.testStarted("engine-1"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(
                        "Shop admin key (empty = no reconciliation) (OrderSummary.adminKey): has a function")
                .hasMessageNotContaining("secret-fallback");
    }
}
