package dev.orderflow.jmeter.element;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.live.LiveViewSchema;
import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.CreateOrderSampler;
import dev.orderflow.jmeter.sampler.ListProductsSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.sampler.PageSampler;
import dev.orderflow.jmeter.sampler.SamplerSchemas;
import dev.orderflow.jmeter.summary.OrderSummarySchema;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;

/**
 * Checks over every orderflow schema at once: each setting declared once, labelled, explained and known to JMeter's
 * schema; and each TestBean's form, asked for a new element and then shown it and asked to store it, keeps it whole.
 */
class SchemasTest {

    @BeforeAll
    static void jmeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    static Stream<OrderFlowSchema> schemas() {
        return Stream.of(ShopConnectionSchema.INSTANCE, SamplerSchemas.LogIn.INSTANCE,
                SamplerSchemas.ListProducts.INSTANCE, SamplerSchemas.AddToCart.INSTANCE,
                SamplerSchemas.CreateOrder.INSTANCE, SamplerSchemas.Page.INSTANCE, OrderFlowThreadGroupSchema.INSTANCE,
                OrderFlowThreadGroupSchema.StageRowSchema.INSTANCE, OrderSummarySchema.INSTANCE,
                LiveViewSchema.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everySettingIsDeclaredOnceLabelledExplainedAndKnownToJMeter(OrderFlowSchema schema) {
        assertThat(schema.description()).isNotBlank();
        List<String> names = schema.settings().stream().map(Setting::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(schema.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (Setting setting : schema.settings()) {
            assertThat(setting.label()).as(setting.name()).isNotBlank();
            assertThat(setting.hint()).as(setting.name()).isNotBlank();
        }
    }

    static Stream<Arguments> testBeans() {
        return Stream.of(Arguments.of(ShopConnection.class, ShopConnectionSchema.INSTANCE),
                Arguments.of(LoginSampler.class, SamplerSchemas.LogIn.INSTANCE),
                Arguments.of(ListProductsSampler.class, SamplerSchemas.ListProducts.INSTANCE),
                Arguments.of(AddToCartSampler.class, SamplerSchemas.AddToCart.INSTANCE),
                Arguments.of(CreateOrderSampler.class, SamplerSchemas.CreateOrder.INSTANCE),
                Arguments.of(PageSampler.class, SamplerSchemas.Page.INSTANCE));
    }

    @ParameterizedTest
    @MethodSource("testBeans")
    void aTestBeansFormSavesEverySettingWithItsDefaultAndKeepsAnElementWhole(Class<?> beanClass, OrderFlowSchema schema)
            throws Exception {
        List<String> described = Arrays.stream(Introspector.getBeanInfo(beanClass).getPropertyDescriptors())
                .map(PropertyDescriptor::getName).collect(Collectors.toList());
        assertThat(described).containsAll(schema.settings().stream().map(Setting::name).toList());

        TestBeanGUI gui = new TestBeanGUI(beanClass);
        gui.clearGui();
        TestElement created = gui.createTestElement();
        for (Setting setting : schema.settings()) {
            assertThat(created.getPropertyAsString(setting.name(), null)).as(setting.name())
                    .isEqualTo(setting.defaultValue());
        }
        TestElement stored = (TestElement) created.clone();
        gui.configure(stored);
        gui.modifyTestElement(stored);
        assertThat(properties(stored)).isEqualTo(properties(created));
        assertThat(gui.getStaticLabel()).isEqualTo(schema.menuLabel());
    }

    private static Map<String, String> properties(TestElement element) {
        Map<String, String> properties = new HashMap<>();
        for (PropertyIterator it = element.propertyIterator(); it.hasNext(); ) {
            JMeterProperty property = it.next();
            properties.put(property.getName(), property.getStringValue());
        }
        return properties;
    }
}
