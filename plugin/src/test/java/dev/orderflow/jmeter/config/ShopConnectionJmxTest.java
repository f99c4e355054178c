package dev.orderflow.jmeter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

/** A plan written by hand, or by an older orderflow, may leave fields out: those take their defaults. */
class ShopConnectionJmxTest {

    @BeforeAll
    static void headlessJMeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    @Test
    void fieldsMissingFromTheJmxFileTakeTheirDefaults(@TempDir Path folder) throws Exception {
        ShopConnection written = new ShopConnection();
        written.setName("Shop");
        written.setProperty("host", "shop.test");
        written.setProperty(TestElement.GUI_CLASS, TestBeanGUI.class.getName());
        written.setProperty(TestElement.TEST_CLASS, ShopConnection.class.getName());
        TestPlan plan = new TestPlan("plan");
        plan.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.control.gui.TestPlanGui");
        plan.setProperty(TestElement.TEST_CLASS, TestPlan.class.getName());
        HashTree tree = new ListedHashTree();
        tree.add(plan).add(written);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SaveService.saveTree(tree, out);
        String jmx = out.toString(StandardCharsets.UTF_8)
                .replaceAll("\\s*<stringProp name=\"(loginPath|keptResponseBytes|responseTimeout)\">[^<]*</stringProp>",
                        "");
        assertThat(jmx).doesNotContain("loginPath").doesNotContain("keptResponseBytes").contains("shop.test");
        Path file = Files.writeString(folder.resolve("hand-written.jmx"), jmx);

        HashTree loaded = SaveService.loadTree(file.toFile());
        ShopConnection read = (ShopConnection) loaded.getTree(loaded.getArray()[0]).getArray()[0];
        ShopSettings settings = read.settings();

        assertThat(settings.endpoint().host()).isEqualTo("shop.test");
        assertThat(settings.path(ShopConnectionSchema.LOGIN_PATH))
                .isEqualTo(ShopConnectionSchema.LOGIN_PATH.defaultValue());
        assertThat(settings.keptResponseBytes()).isEqualTo(65536);
        assertThat(settings.connection().responseTimeoutMillis()).isEqualTo(10_000);
    }
}
