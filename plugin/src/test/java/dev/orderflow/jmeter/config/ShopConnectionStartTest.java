package dev.orderflow.jmeter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.StartRefusals;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.sampler.PageSampler;
import dev.orderflow.jmeter.sampler.SamplerSchemas;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.jmeter.testing.ScriptedServer;

/** A shop connection checked by JMeter's engine at test start: wrong fields refuse the run. */
@Timeout(60)
class ShopConnectionStartTest {

    /** Runs the plan and returns why it was refused: the first reason recorded for the verdict. */
    private static String refusal(ScriptedServer server, Map<Setting, String> fields, TestElement... samplers)
            throws Exception {
        RecordingListener listener = new RecordingListener();
        JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                new TestElement[] {Plans.shopConnection(server.port(), fields), listener}, samplers),
                Duration.ofSeconds(30));
        assertThat(listener.all()).as("no sample taken").isEmpty();
        assertThat(server.connections()).as("nothing reached the shop").isZero();
        List<String> reasons = StartRefusals.ofLastRefusedTest();
        assertThat(reasons).as("the refusal is kept for the verdict").isNotEmpty();
        return reasons.get(0);
    }

    private static ScriptedServer server() throws Exception {
        return new ScriptedServer(c -> c.answer(200, "{}"));
    }

    @Test
    void aMalformedJsonPointerRefusesTheRunNamingElementAndField() throws Exception {
        try (ScriptedServer server = server()) {
            String thrown = refusal(server, Map.of(ShopConnectionSchema.TOKEN_POINTER, "token"), new LoginSampler());

            assertThat(thrown).isNotNull();
            assertThat(thrown).isEqualTo("Shop connection 'Shop connection': "
                    + "Token JSON pointer (tokenPointer): 'token' is not a JSON pointer: it must be empty or start "
                    + "with / (like /token)");
        }
    }

    @Test
    void aPortOutOfRangeOrANegativeTimeoutRefusesTheRun() throws Exception {
        try (ScriptedServer server = server()) {
            String thrown = refusal(server, Map.of(ShopConnectionSchema.PORT, "70000",
                    ShopConnectionSchema.CONNECT_TIMEOUT, "-1"), new LoginSampler());

            assertThat(thrown)
                    .isEqualTo("Shop connection 'Shop connection': Port (port): '70000' is not from 1 to 65535; "
                    + "Connect timeout (ms) (connectTimeout): '-1' is not 0 or more");
        }
    }

    @Test
    void anUnreadableUsersFileRefusesTheRunSayingWhereItLooked() throws Exception {
        try (ScriptedServer server = server()) {
            String thrown = refusal(server, Map.of(ShopConnectionSchema.USERS_FILE, "no-such-folder/users.csv"),
                    new LoginSampler());

            assertThat(thrown).startsWith("Shop connection 'Shop connection': "
                    + "Users CSV file (usersFile): 'no-such-folder/users.csv' is not a readable file (looked for ");
        }
    }

    @Test
    void aUsersFileWithoutAPasswordColumnRefusesTheRun(@TempDir Path folder) throws Exception {
        Path users = Files.writeString(folder.resolve("users.csv"), "name,secret\nu0,p0\n");
        try (ScriptedServer server = server()) {
            String thrown = refusal(server, Map.of(ShopConnectionSchema.USERS_FILE, users.toString()),
                    new LoginSampler());

            assertThat(thrown).contains("Users CSV file (usersFile): cannot be used: ")
                    .contains("has no 'username' column");
        }
    }

    @Test
    void aSamplerWithAWrongFieldRefusesTheRunToo() throws Exception {
        AddToCartSampler cart = Plans.named(new AddToCartSampler(), "cart");
        cart.setProperty(SamplerSchemas.AddToCart.MIN_PRODUCTS.name(), 3);
        cart.setProperty(SamplerSchemas.AddToCart.MAX_PRODUCTS.name(), 2);
        PageSampler page = Plans.named(new PageSampler(), "page");
        page.setProperty(SamplerSchemas.Page.PATH.name(), "index.html");
        try (ScriptedServer server = server()) {
            assertThat((refusal(server, Map.of(), cart)))
                    .isEqualTo("Add to cart 'cart': Most products (maxProducts): '2' is fewer than Fewest products "
                            + "(minProducts), 3");
            assertThat((refusal(server, Map.of(), page)))
                    .isEqualTo("Page 'page': Path (path): 'index.html' is not a path: it must start with / and have no "
                            + "spaces");
        }
    }

    @Test
    void takesHostAndPortFromJMeterPropertiesThroughThePropertyFunction() throws Exception {
        try (ScriptedServer server = new ScriptedServer(c -> {
            while (c.readRequest() != null) {
                c.answer(200, "<html/>");
            }
        })) {
            JMeterEnvironment.init();
            JMeterUtils.setProperty("orderflow.test.port", Integer.toString(server.port()));
            RecordingListener listener = new RecordingListener();
            JMeterEnvironment.run(Plans.plan(Plans.threadGroup(1, 1),
                    new TestElement[] {Plans.shopConnection(1,
                            Map.of(ShopConnectionSchema.PORT, "${__P(orderflow.test.port,1)}",
                            ShopConnectionSchema.HOST, "${__P(orderflow.test.host,127.0.0.1)}")), listener},
                    Plans.named(new PageSampler(), "index")), Duration.ofSeconds(30));

            assertThat(listener.of(FlowStep.PAGE)).hasSize(1)
                    .allMatch(org.apache.jmeter.samplers.SampleResult::isSuccessful);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void travelsToARemoteEngineSerializedAndRebuildsItsSettingsThere() throws Exception {
        ShopConnection connection = Plans.shopConnection(8123, Map.of());
        connection.settings(); // built here, must not be what arrives there

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(connection);
            out.writeObject(new AddToCartSampler());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ShopConnection arrived = (ShopConnection) in.readObject();
            AddToCartSampler sampler = (AddToCartSampler) in.readObject();

            assertThat(arrived.settings().endpoint().baseUrl()).isEqualTo("http://127.0.0.1:8123");
            assertThat(arrived.users().size()).isEqualTo(1000);
            assertThat(sampler.getPropertyAsInt(SamplerSchemas.AddToCart.MAX_PRODUCTS.name())).isEqualTo(2);
        }
    }
}
