package dev.orderflow.jmeter.element.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.BooleanProperty;
import org.junit.jupiter.api.Test;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.summary.OrderSummarySchema;

/** The form built from a schema: it saves what it shows, and a secret field masks only a secret of its own. */
class SettingsFormTest {

    private static final class Element extends AbstractTestElement {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void anEmptiedFieldIsSavedEmptyRatherThanFallingBackToItsDefault() {
        SettingsForm form = new SettingsForm(ShopConnectionSchema.INSTANCE);
        form.clear();
        form.setText(ShopConnectionSchema.CART_CLEAR_PATH, "");
        TestElement element = new Element();

        form.updateElement(element);

        assertThat(element.getPropertyAsString(ShopConnectionSchema.CART_CLEAR_PATH.name(), "absent")).isEmpty();
        assertThat(ShopConnectionSchema.CART_CLEAR_PATH.read(element)).isEmpty();
        assertThat(element.getPropertyAsString(ShopConnectionSchema.HOST.name())).isEqualTo("127.0.0.1");
        assertThat(element.getProperty(ShopConnectionSchema.KEEP_ALIVE.name())).isInstanceOf(BooleanProperty.class);
    }

    @Test
    void showsWhatAnElementHoldsAndEveryDefaultAfterClearing() {
        TestElement element = new Element();
        ShopConnectionSchema.PORT.write(element, "${__P(port,8443)}");
        ShopConnectionSchema.ACCEPT_ANY_CERTIFICATE.write(element, "true");
        SettingsForm form = new SettingsForm(ShopConnectionSchema.INSTANCE);

        form.updateUi(element);
        assertThat(form.text(ShopConnectionSchema.PORT)).isEqualTo("${__P(port,8443)}");
        assertThat(form.text(ShopConnectionSchema.ACCEPT_ANY_CERTIFICATE)).isEqualTo("true");
        assertThat(form.text(ShopConnectionSchema.HOST)).as("absent: the default").isEqualTo("127.0.0.1");

        form.clear();
        assertThat(form.texts()).allSatisfy((setting, text) -> assertThat(text).isEqualTo(setting.defaultValue()));
    }

    @Test
    void aSecretFieldMasksOnlyASecretOfItsOwn() {
        SecretField field = new SecretField(20);
        assertThat(field.showsInClear()).as("empty").isTrue();
        field.setText("${__P(admin_key,)}");
        assertThat(field.showsInClear()).as("a property reference").isTrue();
        field.setText("s3cret");
        assertThat(field.showsInClear()).as("a key of its own").isFalse();
        field.setText("${__P(admin_key,s3cret)}");
        assertThat(field.showsInClear()).as("a reference with a key as its default").isFalse();
        field.setText("");
        assertThat(field.showsInClear()).isTrue();
    }

    @Test
    void theAdminKeyOfANewOrderSummaryIsShownAsTheReferenceItIs() {
        SettingsForm form = new SettingsForm(OrderSummarySchema.INSTANCE);
        form.clear();

        assertThat(form.text(OrderSummarySchema.ADMIN_KEY)).isEqualTo("${__P(admin_key,)}");
    }
}
