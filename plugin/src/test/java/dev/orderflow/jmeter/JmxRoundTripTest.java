package dev.orderflow.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.testelement.property.BooleanProperty;
import org.apache.jmeter.testelement.property.DoubleProperty;
import org.apache.jmeter.testelement.property.FloatProperty;
import org.apache.jmeter.testelement.property.IntegerProperty;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.LongProperty;
import org.apache.jmeter.testelement.property.MultiProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jmeter.testelement.property.StringProperty;
import org.apache.jmeter.testelement.property.TestElementProperty;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.PluginElements;

/**
 * Every element of the plugin, as its GUI creates it and then with every field changed, survives
 * saving to a JMX file and loading it back (SaveService, as JMeter's File menu does) with every
 * property intact; its GUI neither changes it when showing it nor loses a field when writing it back.
 */
class JmxRoundTripTest {

    @BeforeAll
    static void headlessJMeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    /** Each plugin element with the GUI that edits it: JMeter's generic form for TestBeans, else its own. */
    static Stream<Object[]> elementsWithTheirGui() throws Exception {
        List<Object[]> pairs = new ArrayList<>();
        for (Class<? extends TestElement> type : PluginElements.elementClasses()) {
            if (PluginElements.isTestBean(type)) {
                pairs.add(new Object[] {type.getSimpleName(), new TestBeanGUI(type)});
            }
        }
        for (Class<? extends JMeterGUIComponent> guiType : PluginElements.guiClasses()) {
            JMeterGUIComponent gui = guiType.getConstructor().newInstance();
            pairs.add(new Object[] {gui.createTestElement().getClass().getSimpleName() + " via "
                    + guiType.getSimpleName(), gui});
        }
        return pairs.stream();
    }

    @Test
    void findsTheShopConnectionAndEverySampler() throws Exception {
        assertThat(elementsWithTheirGui().map(pair -> (String) pair[0])).contains("ShopConnection", "LoginSampler",
                "ListProductsSampler", "AddToCartSampler", "CreateOrderSampler", "PageSampler");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementsWithTheirGui")
    void everyFieldSurvivesSavingAndLoadingAPlan(String name, JMeterGUIComponent gui) throws Exception {
        TestElement asCreated = gui.createTestElement();
        TestElement changed = gui.createTestElement();
        changeEveryField(changed, Set.of());

        for (TestElement original : List.of(asCreated, changed)) {
            TestElement loaded = saveAndLoad(original);

            assertThat(loaded).isExactlyInstanceOf(original.getClass());
            assertThat(properties(loaded)).isEqualTo(properties(original));
        }
        assertThat(properties(changed)).as("every field was changed").isNotEqualTo(properties(asCreated));
    }

    /**
     * A TestBean's generic form is checked with every free-text and yes/no field changed (its BeanInfo
     * says which fields are closed choices); a hand-written GUI with the element it creates, as
     * JMeter's own JMeterTest does, since only it knows which of its fields are choices.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("elementsWithTheirGui")
    void theGuiShowsAndWritesBackEveryFieldUnchanged(String name, JMeterGUIComponent gui) throws Exception {
        TestElement shown = gui.createTestElement();
        if (gui instanceof TestBeanGUI) {
            changeEveryField(shown, closedChoices(shown.getClass()));
        }
        Map<String, String> before = properties(shown);

        gui.configure(shown);
        assertThat(properties(shown)).as("showing it changes nothing").isEqualTo(before);
        TestElement written = shown.getClass().getConstructor().newInstance(); // holds defaults, not the changes
        gui.modifyTestElement(written);

        assertThat(properties(written)).isEqualTo(before);
    }

    /** The bean properties whose editor offers a fixed list of values only. */
    private static Set<String> closedChoices(Class<?> beanClass) throws Exception {
        Set<String> closed = new HashSet<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(beanClass).getPropertyDescriptors()) {
            if (property.getValue(GenericTestBeanCustomizer.TAGS) != null
                    && Boolean.TRUE.equals(property.getValue(GenericTestBeanCustomizer.NOT_OTHER))) {
                closed.add(property.getName());
            }
        }
        return closed;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementsWithTheirGui")
    void noFieldStartsOutNull(String name, JMeterGUIComponent gui) {
        TestElement element = gui.createTestElement();
        PropertyIterator it = element.propertyIterator();
        while (it.hasNext()) {
            JMeterProperty property = it.next();
            assertThat(property.getObjectValue()).as(property.getName()).isNotNull();
            assertThat(property.getStringValue()).as(property.getName()).isNotNull();
        }
    }

    private static TestElement saveAndLoad(TestElement element) throws Exception {
        TestPlan plan = new TestPlan("round trip");
        plan.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.control.gui.TestPlanGui");
        plan.setProperty(TestElement.TEST_CLASS, TestPlan.class.getName());
        HashTree tree = new ListedHashTree();
        tree.add(plan).add(element);
        Path jmx = Files.createTempFile("round-trip", ".jmx");
        try {
            try (OutputStream out = Files.newOutputStream(jmx)) {
                SaveService.saveTree(tree, out);
            }
            HashTree loaded = SaveService.loadTree(jmx.toFile());
            Object loadedPlan = loaded.getArray()[0];
            Object[] children = loaded.getTree(loadedPlan).getArray();
            assertThat(children).as(Files.readString(jmx, StandardCharsets.UTF_8)).hasSize(1);
            return (TestElement) children[0];
        } finally {
            Files.delete(jmx);
        }
    }

    /** Every property as name → text, nested elements and collections flattened with their path. */
    private static Map<String, String> properties(TestElement element) {
        Map<String, String> all = new TreeMap<>();
        collect("", element.propertyIterator(), all);
        return all;
    }

    private static void collect(String prefix, PropertyIterator it, Map<String, String> into) {
        while (it.hasNext()) {
            JMeterProperty property = it.next();
            String key = prefix + property.getName();
            if (property instanceof TestElementProperty nested) {
                collect(key + ".", nested.getElement().propertyIterator(), into);
            } else if (property instanceof MultiProperty multi) {
                collect(key + "[].", multi.iterator(), into);
            } else {
                into.put(key, property.getStringValue());
            }
        }
    }

    /** Gives every field a value other than its default, of the same kind, with characters XML must escape. */
    private static void changeEveryField(TestElement element, Set<String> unchanged) {
        element.setName("changed <name> & \"quotes\"");
        changeAll(element, unchanged);
    }

    private static void changeAll(TestElement element, Set<String> unchanged) {
        PropertyIterator it = element.propertyIterator();
        List<JMeterProperty> properties = new ArrayList<>();
        while (it.hasNext()) {
            properties.add(it.next());
        }
        for (JMeterProperty property : properties) {
            String name = property.getName();
            if (name.equals(TestElement.GUI_CLASS) || name.equals(TestElement.TEST_CLASS)
                    || name.equals(TestElement.NAME) || name.equals(TestElement.ENABLED) || unchanged.contains(name)) {
                continue;
            }
            if (property instanceof BooleanProperty) {
                element.setProperty(new BooleanProperty(name, !property.getBooleanValue()));
            } else if (property instanceof IntegerProperty) {
                element.setProperty(new IntegerProperty(name, property.getIntValue() + 7));
            } else if (property instanceof LongProperty) {
                element.setProperty(new LongProperty(name, property.getLongValue() + 7));
            } else if (property instanceof DoubleProperty || property instanceof FloatProperty) {
                element.setProperty(new StringProperty(name, property.getStringValue() + "5"));
            } else if (property instanceof TestElementProperty nested) {
                changeAll(nested.getElement(), unchanged);
            } else if (property instanceof StringProperty) {
                element.setProperty(new StringProperty(name, property.getStringValue() + " ${__P(x,<&>)}"));
            }
        }
    }
}
