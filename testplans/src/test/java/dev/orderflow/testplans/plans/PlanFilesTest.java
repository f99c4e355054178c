package dev.orderflow.testplans.plans;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.testplans.run.PlanCatalog;
import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each plan opens in JMeter and saves back unchanged: loading and saving it with JMeter's SaveService
 * gives the same bytes, and every element's editor, shown the element and asked to store it again (what
 * the GUI does when a user clicks through the plan and saves), leaves it as it was.
 */
class PlanFilesTest {

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    static Stream<String> plans() {
        return PlanCatalog.all().stream().map(PlanCatalog.Plan::fileName);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void savesBackByteForByteAfterLoading(String fileName) throws Exception {
        Path file = PlansFolder.path().resolve(fileName);
        String original = Files.readString(file, StandardCharsets.UTF_8);

        HashTree tree = SaveService.loadTree(file.toFile());
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        SaveService.saveTree(tree, saved);

        assertThat(saved.toString(StandardCharsets.UTF_8)).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyElementsEditorStoresItBackUnchanged(String fileName) throws Exception {
        HashTree tree = SaveService.loadTree(PlansFolder.path().resolve(fileName).toFile());
        SearchByClass<TestElement> all = new SearchByClass<>(TestElement.class);
        tree.traverse(all);

        List<String> changed = new ArrayList<>();
        for (TestElement element : all.getSearchResults()) {
            String guiClass = element.getPropertyAsString(TestElement.GUI_CLASS);
            assertThat(guiClass).as("%s has an editor", element.getName()).isNotEmpty();
            JMeterGUIComponent gui = editorOf(element, guiClass);
            // what the GUI does with a node a user selects and then saves: show it, then store the form into it
            TestElement stored = (TestElement) element.clone();
            gui.configure(stored);
            gui.modifyTestElement(stored);
            Map<String, String> before = properties(element);
            Map<String, String> after = properties(stored);
            if (!before.equals(after)) {
                changed.add(element.getName() + ": " + before + " became " + after);
            }
        }
        assertThat(changed).isEmpty();
    }

    /** The editor JMeter's GUI shows for the element: a TestBean's is the generic bean editor for its class. */
    private static JMeterGUIComponent editorOf(TestElement element, String guiClass) throws Exception {
        if (guiClass.equals(TestBeanGUI.class.getName())) {
            return new TestBeanGUI(element.getClass());
        }
        return (JMeterGUIComponent) Class.forName(guiClass).getDeclaredConstructor().newInstance();
    }

    private static Map<String, String> properties(TestElement element) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (PropertyIterator it = element.propertyIterator(); it.hasNext(); ) {
            JMeterProperty property = it.next();
            properties.put(property.getName(), property.getStringValue());
        }
        return properties;
    }
}
