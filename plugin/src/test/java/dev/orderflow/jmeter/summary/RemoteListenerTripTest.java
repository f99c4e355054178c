package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.rmi.MarshalledObject;
import java.util.concurrent.TimeUnit;

import org.apache.jmeter.engine.ConvertListeners;
import org.apache.jmeter.engine.TreeCloner;
import org.apache.jmeter.samplers.RemoteListenerWrapper;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.Relogin;
import dev.orderflow.jmeter.testing.JMeterEnvironment;

/**
 * The distributed path without separate machines: the controller's copies of the plan go through JMeter's own
 * listener conversion, are marshalled as RMI sends them to an engine, and the engine side's wrappers send their
 * samples back over RMI with SSL, through the default StrippedBatch sender.
 */
class RemoteListenerTripTest {

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void rmiOverSslOnLoopback() throws Exception {
        JMeterEnvironment.init();
        Path keystore = keys.resolve("rmi_keystore.jks");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "rmi", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=orderflow test", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        // read once by JMeter's RMI socket factories: set before anything exports an object
        JMeterUtils.setProperty("server.rmi.ssl.keystore.file", keystore.toString());
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
    }

    /** What ClientJMeterEngine does for each engine: its own copy of the plan, listeners replaced by wrappers. */
    private static RemoteListenerWrapper engineSideWrapper(HashTree plan) throws Exception {
        TreeCloner cloner = new TreeCloner(false);
        plan.traverse(cloner);
        HashTree copy = cloner.getClonedTree();
        copy.traverse(new ConvertListeners());
        SearchByClass<RemoteListenerWrapper> wrappers = new SearchByClass<>(RemoteListenerWrapper.class);
        copy.traverse(wrappers);
        RemoteListenerWrapper controllerSide = wrappers.getSearchResults().iterator().next();
        SearchByClass<OrderSummaryListener> leftBehind = new SearchByClass<>(OrderSummaryListener.class);
        copy.traverse(leftBehind);
        assertThat(leftBehind.getSearchResults()).as("the listener stays on the controller").isEmpty();
        // as rconfigure ships the plan: the exported listener travels as an RMI stub
        return new MarshalledObject<>(controllerSide).get();
    }

    private static OrderFlowSampleResult order(int engine, boolean created) {
        OrderFlowSampleResult order = FlowSamples.attemptStart(FlowStep.ORDER, created, created ? "201" : "409");
        order.setResponseData("{\"id\":1,\"status\":\"created\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        order.setEngine(engine);
        order.setEngineCount(2);
        return order;
    }

    @Test
    void samplesCrossRmiAsOrderFlowSamplesAndTheClusterIsSummarisedOnceWhenTheLastEngineEnds() throws Exception {
        OrderSummaryListener element = TestPlans.listener(dir);
        HashTree plan = new ListedHashTree();
        plan.add(new TestPlan("distributed")).add(element);
        // the controller-side listeners stay exported until this test JVM ends, as they would on a controller
        RemoteListenerWrapper engine1 = engineSideWrapper(plan);
        RemoteListenerWrapper engine2 = engineSideWrapper(plan);

        engine1.testStarted("127.0.0.1:1099");
        engine2.testStarted("127.0.0.1:1100");
        for (int i = 0; i < 150; i++) { // more than one batch of 100
            OrderFlowSampleResult order = order(0, i % 3 != 0);
            order.setRelogin(i % 10 == 0 ? Relogin.SUCCEEDED : Relogin.NONE);
            engine1.sampleOccurred(new SampleEvent(order, "users"));
        }
        engine2.sampleOccurred(new SampleEvent(order(1, true), "users"));
        engine1.testEnded("127.0.0.1:1099");
        assertThat(dir.resolve(SummaryFiles.JSON_FILE)).doesNotExist();
        engine2.testEnded("127.0.0.1:1100");

        JsonNode summary = SummaryJson.MAPPER.readTree(dir.resolve(SummaryFiles.JSON_FILE).toFile());
        assertThat(summary.get("orders_attempted").asLong()).isEqualTo(151);
        assertThat(summary.get("orders_created").asLong()).isEqualTo(101);
        assertThat(summary.get("rejections").get("409").asLong()).isEqualTo(50);
        assertThat(summary.get("engines").asInt()).isEqualTo(2);
        assertThat(summary.get("relogins").asLong()).as("the re-login mark crosses RMI").isEqualTo(15);
        assertThat(element.lastSummary().counts().samples()).isEqualTo(151);
    }
}
