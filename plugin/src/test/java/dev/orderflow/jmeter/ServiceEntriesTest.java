package dev.orderflow.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jorphan.reflect.ClassFinder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

/**
 * META-INF/services names every element of the plugin, so that a JMeter that loads its elements with
 * ServiceLoader finds them without scanning the jar (whose manifest says JMeter-Skip-Class-Scanning): the same
 * classes JMeter's own scan finds in them, and each one loads.
 */
class ServiceEntriesTest {

    private static final Path CLASSES = Path.of("target/classes").toAbsolutePath();

    @BeforeAll
    static void headlessJMeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    @Test
    void everyEditorJMeterWouldFindByScanningIsAService() throws Exception {
        List<String> scanned = ClassFinder.findClassesThatExtend(new String[] {CLASSES.toString()},
                new Class<?>[] {JMeterGUIComponent.class});

        assertThat(names(ServiceLoader.load(JMeterGUIComponent.class))).containsExactlyInAnyOrderElementsOf(scanned);
    }

    @Test
    void everyTestBeanJMeterWouldFindByScanningIsAService() throws Exception {
        List<String> scanned = ClassFinder.findClassesThatExtend(new String[] {CLASSES.toString()},
                new Class<?>[] {TestBean.class});

        assertThat(names(ServiceLoader.load(TestBean.class))).containsExactlyInAnyOrderElementsOf(scanned);
    }

    /** The plugin's own providers (JMeter's jars on the test class path list none of these services). */
    private static <S> List<String> names(ServiceLoader<S> loader) {
        return loader.stream().map(provider -> provider.type().getName())
                .filter(name -> name.startsWith("dev.orderflow.")).toList();
    }
}
