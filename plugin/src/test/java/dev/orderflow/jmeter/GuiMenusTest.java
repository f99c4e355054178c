package dev.orderflow.jmeter;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jmeter.gui.JMeterGUIComponent;
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
        "dev.orderflow.jmeter.config.ShopConnection, orderflow: Shop connection, " + MenuFactory.CONFIG_ELEMENTS,
        "dev.orderflow.jmeter.sampler.LoginSampler, orderflow: Log in, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.ListProductsSampler, orderflow: List products, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.AddToCartSampler, orderflow: Add to cart, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.CreateOrderSampler, orderflow: Create order, " + MenuFactory.SAMPLERS,
        "dev.orderflow.jmeter.sampler.PageSampler, orderflow: Page, " + MenuFactory.SAMPLERS,
    })
    void appearsInItsMenuUnderItsName(String className, String label, String menu) throws Exception {
        TestBeanGUI gui = new TestBeanGUI(Class.forName(className));

        assertThat(gui.getStaticLabel()).isEqualTo(label);
        assertThat(gui.getMenuCategories()).containsExactly(menu);
    }

    @ParameterizedTest(name = "{1} under {2}")
    @CsvSource({
        "dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui, orderflow: Thread group, " + MenuFactory.THREADS,
        "dev.orderflow.jmeter.summary.OrderSummaryListenerGui, orderflow: Order summary, " + MenuFactory.LISTENERS,
        "dev.orderflow.jmeter.live.LiveViewListenerGui, orderflow: Live view, " + MenuFactory.LISTENERS,
    })
    void formsOfTheirOwnAppearUnderTheSameNamingStyle(String className, String label, String menu) throws Exception {
        JMeterGUIComponent gui = (JMeterGUIComponent) Class.forName(className).getDeclaredConstructor().newInstance();

        assertThat(gui.getStaticLabel()).isEqualTo(label);
        assertThat(gui.getMenuCategories()).containsExactly(menu);
    }
}
