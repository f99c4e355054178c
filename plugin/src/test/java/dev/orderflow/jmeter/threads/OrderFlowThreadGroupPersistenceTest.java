package dev.orderflow.jmeter.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.AbstractThreadGroup;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.UserTimeline.Kind;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;

class OrderFlowThreadGroupPersistenceTest {

    private static OrderFlowThreadGroup configured() {
        JMeterEnvironment.init();
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        group.setName("Orders");
        group.setShape(ShapeKind.STAGES);
        OrderFlowThreadGroupSchema.USERS.write(group, "${__P(users,100)}");
        OrderFlowThreadGroupSchema.SPAWN_RATE.write(group, "12.5");
        OrderFlowThreadGroupSchema.RUN_TIME.write(group, "");
        OrderFlowThreadGroupSchema.ITERATIONS.write(group, "3");
        group.setStages(List.of(new StageText("60", "${__P(users,100)}", "10"), new StageText("120", "0", "50")));
        OrderFlowThreadGroupSchema.SCRIPT.write(group, "def tick(t) { t < 10 ? [5, 1] : null }");
        OrderFlowThreadGroupSchema.TIME_SCALE.write(group, "${__P(timescale,1)}");
        OrderFlowThreadGroupSchema.STOP_GRACE.write(group, "2.5");
        OrderFlowThreadGroupSchema.VIRTUAL_THREADS.write(group, "false");
        group.setIsSameUserOnNextIteration(false);
        // As the editor saves it: JMeter's JMX reader needs to know each element's editor.
        group.setProperty(TestElement.GUI_CLASS, "dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui");
        group.setProperty(TestElement.TEST_CLASS, OrderFlowThreadGroup.class.getName());
        return group;
    }

    @Test
    void theElementRoundTripsThroughAJmxFile(@TempDir Path folder) throws Exception {
        OrderFlowThreadGroup group = configured();
        HashTree tree = new ListedHashTree(group);
        Path jmx = folder.resolve("plan.jmx");

        try (OutputStream out = Files.newOutputStream(jmx)) {
            SaveService.saveTree(tree, out);
        }
        HashTree loaded = SaveService.loadTree(jmx.toFile());

        String xml = Files.readString(jmx, StandardCharsets.UTF_8);
        assertThat(xml).contains("<stringProp name=\"OrderFlowThreadGroup.users\">${__P(users,100)}</stringProp>")
                .contains("OrderFlowThreadGroup.stage.until")
                .contains("elementType=\"dev.orderflow.jmeter.threads.UserLoopController\"");
        OrderFlowThreadGroup back = (OrderFlowThreadGroup) loaded.getArray()[0];
        assertThat(back).isEqualTo(group);
        assertThat(back.getShapeSettings()).isEqualTo(group.getShapeSettings());
        assertThat(OrderFlowThreadGroupSchema.STOP_GRACE.read(back)).isEqualTo("2.5");
        assertThat(back.isVirtualThreads()).isFalse();
        assertThat(back.isSameUserOnNextIteration()).isFalse();
        assertThat(back.getSamplerController()).isInstanceOf(UserLoopController.class);
    }

    @Test
    void aNewElementHasItsMainControllerAndDefaultsForEverySetting() {
        OrderFlowThreadGroup group = ThreadGroupPlans.group("fresh");
        OrderFlowThreadGroup bare = new OrderFlowThreadGroup();

        assertThat(bare.getSamplerController()).isInstanceOf(UserLoopController.class);
        assertThat(bare.getShapeKind()).isEqualTo(ShapeKind.USERS);
        assertThat(OrderFlowThreadGroupSchema.USERS.read(bare)).isEqualTo("10");
        assertThat(OrderFlowThreadGroupSchema.TIME_SCALE.read(bare)).isEqualTo("1");
        assertThat(OrderFlowThreadGroupSchema.STOP_GRACE.read(bare)).isEqualTo("10");
        assertThat(bare.isVirtualThreads()).isTrue();
        assertThat(bare.getStages()).isEmpty();
        assertThat(group.getNumThreads()).isEqualTo(10);
    }

    @Test
    void theElementSurvivesJavaSerializationAsItTravelsToAnEngineAndRunsThere() throws Exception {
        OrderFlowThreadGroup group = plain(ThreadGroupPlans.users("remote", 6, 60, "", "2"));
        HashTree plan = ThreadGroupPlans.plan(group, PausingSampler.pausing(20));

        HashTree received = (HashTree) deserialize(serialize(plan));

        TestPlan testPlan = (TestPlan) received.getArray()[0];
        OrderFlowThreadGroup arrived = (OrderFlowThreadGroup) received.get(testPlan).getArray()[0];
        assertThat(arrived).isEqualTo(group);
        UserTimeline timeline = new UserTimeline();
        received.get(testPlan).get(arrived).add(timeline);
        JMeterEnvironment.run(received, Duration.ofSeconds(30));
        assertThat(timeline.events(Kind.SAMPLE_ENDED)).hasSize(12);
        assertThat(timeline.events(Kind.USER_ENDED)).hasSize(6);
    }

    @Test
    void clonesForEachUserKeepTheSettingsButNotTheRun() {
        OrderFlowThreadGroup group = configured();

        AbstractThreadGroup clone = (AbstractThreadGroup) group.clone();

        assertThat(clone).isEqualTo(group).isNotSameAs(group);
        assertThat(clone.getSamplerController()).isNotSameAs(group.getSamplerController());
        assertThat(clone.numberOfActiveThreads()).isZero();
    }

    /** The production class with the same settings as a group made for the run tests. */
    static OrderFlowThreadGroup plain(OrderFlowThreadGroup observed) {
        OrderFlowThreadGroup group = new OrderFlowThreadGroup();
        org.apache.jmeter.testelement.property.PropertyIterator properties = observed.propertyIterator();
        while (properties.hasNext()) {
            group.setProperty(properties.next().clone());
        }
        return group;
    }

    private static byte[] serialize(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
