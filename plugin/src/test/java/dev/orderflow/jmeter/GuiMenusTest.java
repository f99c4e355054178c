package dev.orderflow.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jmeter.gui.util.MenuFactory;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

/**
 * The elements appear in JMeter's menus the way JMeter builds them from the TestBeans it finds in
 * lib/ext: under the menu their interfaces call for, with the name their BeanInfo resources give.
 */
class GuiMenusTest {

    @BeforeAll
    static void headlessJMeter() {
        System.setProperty("java.awt.headless", "true");
        JMeterEnvironment.init();
    }

    @ParameterizedTest(name = "{1} under {2}")
    @CsvSource({
        "dev.orderflow.jmeter.config.ShopConnection, Shop connection, " + MenuFactory.CONFIG_ELEMENTS,
        "dev.orderflow.jmeter.sampler.LoginSampler, Order flow: Log in, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.ListProductsSampler, Order flow: List products, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.AddToCartSampler, Order flow: Add to cart, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.CreateOrderSampler, Order flow: Create order, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.PageSampler, Order flow: Page, " + MenuFactory.SAMPLERS,
    })
    void appearsInItsMenuUnderItsName(String className, String label, String menu) throws Exception {
        TestBeanGUI gui = new TestBeanGUI(Class.forName(className));

        assertThat(gui.getStaticLabel()).isEqualTo(label);
        assertThat(gui.getMenuCategories()).containsExactly(menu);
    }
}
