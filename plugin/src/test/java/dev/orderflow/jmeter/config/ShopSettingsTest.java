package dev.orderflow.jmeter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.http.HttpVersionChoice;

class ShopSettingsTest {

    private static ShopSettings with(Setting field, String value) {
        Map<Setting, String> values = new HashMap<>();
        values.put(field, value);
        return ShopSettings.of("My shop", values);
    }

    @Test
    void theDefaultsSpeakTheReferenceShopsApi() {
        ShopSettings settings = ShopSettings.defaults();

        assertThat(settings.endpoint().baseUrl()).isEqualTo("http://127.0.0.1:8000");
        assertThat(settings.path(ShopConnectionSchema.LOGIN_PATH)).isEqualTo("/api/auth/login");
        assertThat(settings.path(ShopConnectionSchema.PRODUCTS_PATH)).isEqualTo("/api/products?in_stock=true");
        assertThat(settings.path(ShopConnectionSchema.CART_ITEMS_PATH)).isEqualTo("/api/cart/items");
        assertThat(settings.path(ShopConnectionSchema.ORDERS_PATH)).isEqualTo("/api/orders");
        assertThat(settings.url(ShopConnectionSchema.ORDERS_PATH)).hasToString("http://127.0.0.1:8000/api/orders");
        assertThat(settings.authHeaderName()).isEqualTo("Authorization");
        assertThat(settings.authHeaderValue().render("abc")).isEqualTo("Token abc");
        assertThat(settings.idempotencyHeader()).isEqualTo("Idempotency-Key");
        assertThat(settings.loginBody()
                        .render(name -> JsonText.quote(name.equals("username") ? "load_test_user_7" : "pw\"1")))
                .isEqualTo("{\"username\":\"load_test_user_7\",\"password\":\"pw\\\"1\"}");
        assertThat(settings.cartItemBody().render("3")).isEqualTo("{\"product_id\":3,\"quantity\":1}");
        assertThat(settings.orderBody()).isEqualTo("{}");
        assertThat(settings.tokenPointer()).hasToString("/token");
        assertThat(settings.productsPointer()).hasToString("/products");
        assertThat(settings.productIdPointer()).hasToString("/id");
        assertThat(settings.stockPointer()).hasToString("/stock");
        assertThat(settings.rejectedProductPointer()).hasToString("/product_id");
        assertThat(settings.usersFile()).isEqualTo("csv-data/users.csv");
        assertThat(settings.connection().keepAlive()).isTrue();
        assertThat(settings.connection().verifyHostname()).isTrue();
        assertThat(settings.connection().connectTimeoutMillis()).isEqualTo(5000);
        assertThat(settings.connection().responseTimeoutMillis()).isEqualTo(10000);
        assertThat(settings.keptResponseBytes()).isEqualTo(65536);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused: {2}")
    @CsvSource(delimiter = '|', value = {
        "HOST|''|Host (host): is empty",
        "HOST|shop example|Host (host): 'shop example' is not a host name or IP address",
        "PORT|0|Port (port): '0' is not from 1 to 65535",
        "PORT|65536|Port (port): '65536' is not from 1 to 65535",
        "PORT|eighty|Port (port): 'eighty' is not a whole number",
        "PROTOCOL|ftp|Protocol (protocol): 'ftp' is not http or https",
        "PROXY|proxy.example|Proxy (host:port) (proxy): 'proxy.example' is not host:port (like proxy.example.com:3128)",
        "MAX_REDIRECTS|-1|Redirects followed (GET) (maxRedirects): '-1' is not from 0 to 100",
        "HTTP_VERSION|HTTP/3|HTTP version (httpVersion): 'HTTP/3' is not HTTP/1.1, HTTP/2 or auto",
        "CONNECT_TIMEOUT|-1|Connect timeout (ms) (connectTimeout): '-1' is not 0 or more",
        "RESPONSE_TIMEOUT|-5|Response timeout (ms) (responseTimeout): '-5' is not 0 or more",
        "TOKEN_POINTER|token|Token JSON pointer (tokenPointer): 'token' is not a JSON pointer: it must be empty or "
                + "start with / (like /token)",
        "STOCK_POINTER|$.stock|Stock JSON pointer (stockPointer): '$.stock' is not a JSON pointer: it must be empty or "
                + "start with / (like /token)",
        "LOGIN_PATH|api/login|Login path (loginPath): 'api/login' is not a path: it must start with / and have no "
                + "spaces",
        "CART_CLEAR_PATH|api/cart|Cart clearing path (cartClearPath): 'api/cart' is not a path: it must start with / "
                + "and have no spaces, or be empty for a shop that needs no cart clearing",
        "CART_CLEAR_METHOD|DEL ETE|Cart clearing method (cartClearMethod): 'DEL ETE' is not an HTTP method such as "
                + "DELETE or POST",
        "LOGIN_BODY|{\"user\":{username}}|Login body (loginBody): has no {password} placeholder",
        "CART_ITEM_BODY|{}|Cart item body (cartItemBody): has no {product} placeholder",
        "AUTH_HEADER_TEMPLATE|Token|Auth header value (authHeaderTemplate): 'Token' has no {token} placeholder",
        "AUTH_HEADER_NAME|Bad Header|Auth header name (authHeaderName): 'Bad Header' is not a header name",
        "KEEP_ALIVE|yes|Keep connections alive (keepAlive): 'yes' is not true or false",
        "USERS_FILE|'  '|Users CSV file (usersFile): is empty",
        "KEPT_RESPONSE_BYTES|-1|Response bytes kept in results (keptResponseBytes): '-1' is not 0 or more",
    })
    void refusesAWrongFieldNamingTheElementAndTheField(String field, String value, String problem) throws Exception {
        Setting setting = (Setting) ShopConnectionSchema.class.getField(field).get(null);
        assertThatThrownBy(() -> with(setting, value))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Shop connection 'My shop': " + problem);
    }

    @Test
    void theCartIsClearedWithDeleteApiCartUnlessThePathIsEmpty() {
        ShopSettings defaults = ShopSettings.defaults();
        assertThat(defaults.cartClearMethod()).isEqualTo("DELETE");
        assertThat(defaults.path(ShopConnectionSchema.CART_CLEAR_PATH)).isEqualTo("/api/cart");
        assertThat(defaults.url(ShopConnectionSchema.CART_CLEAR_PATH)).hasToString("http://127.0.0.1:8000/api/cart");

        assertThat(with(ShopConnectionSchema.CART_CLEAR_PATH, " ").cartClearMethod())
                .as("a shop that needs none").isNull();
        assertThat(with(ShopConnectionSchema.CART_CLEAR_METHOD, " post ").cartClearMethod()).isEqualTo("POST");
    }

    @Test
    void listsEveryWrongFieldInOneMessage() {
        Map<Setting, String> values = new HashMap<>();
        values.put(ShopConnectionSchema.HOST, "");
        values.put(ShopConnectionSchema.PORT, "99999");
        values.put(ShopConnectionSchema.TOKEN_POINTER, "token");

        assertThatThrownBy(() -> ShopSettings.of("My shop", values))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void acceptsAnHttpsShopWithAnyCertificateAndABracketedIpv6Host() {
        Map<Setting, String> values = new HashMap<>();
        values.put(ShopConnectionSchema.PROTOCOL, "HTTPS");
        values.put(ShopConnectionSchema.HOST, "[::1]");
        values.put(ShopConnectionSchema.PORT, "8443");
        values.put(ShopConnectionSchema.ACCEPT_ANY_CERTIFICATE, "true");
        ShopSettings settings = ShopSettings.of("tls", values);

        assertThat(settings.endpoint().baseUrl()).isEqualTo("https://[::1]:8443");
        assertThat(settings.connection().verifyHostname()).isFalse();
        assertThat(settings.connection().tls()).isNotNull();
    }

    @Test
    void readsTheHttpVersionWhateverItsCaseAndSpeaksHttp11ByDefault() {
        assertThat(ShopSettings.defaults().connection().httpVersion()).isEqualTo(HttpVersionChoice.HTTP_1_1);
        assertThat(ShopSettings.of("h2", Map.of(ShopConnectionSchema.HTTP_VERSION, " http/2 ")).connection()
                        .httpVersion())
                .isEqualTo(HttpVersionChoice.HTTP_2);
        assertThat(ShopSettings.of("auto", Map.of(ShopConnectionSchema.HTTP_VERSION, "AUTO")).connection()
                        .httpVersion())
                .isEqualTo(HttpVersionChoice.AUTO);
    }

    @Test
    void anEmptyAuthHeaderNameOrIdempotencyHeaderSendsNone() {
        assertThat(with(ShopConnectionSchema.AUTH_HEADER_NAME, "").authHeaderName()).isNull();
        assertThat(with(ShopConnectionSchema.IDEMPOTENCY_HEADER, " ").idempotencyHeader()).isNull();
    }

    @Test
    void everyFieldHasALabelAndAHintAndIsKnownToJMetersSchema() {
        for (Setting field : ShopConnectionSchema.INSTANCE.settings()) {
            assertThat(field.label()).as(field.name()).isNotBlank();
            assertThat(field.hint()).as(field.name()).isNotBlank();
            assertThat(ShopConnectionSchema.INSTANCE.getProperties()).containsEntry(field.name(), field.descriptor());
        }
        assertThat(ShopConnectionSchema.INSTANCE.settings()).hasSize(29);
    }

    @Test
    void templatesLeaveBracesThatAreNoPlaceholderAlone() {
        Template template = Template.parse("{\"a\":{x},\"b\":{y},\"c\":{}}", java.util.Set.of("x"));

        assertThat(template.render("1")).isEqualTo("{\"a\":1,\"b\":{y},\"c\":{}}");
        assertThat(JsonText.quote("line\nbreak\t\u0001")).isEqualTo("\"line\\nbreak\\t\\u0001\"");
        assertThat(new Credentials("u", "secret")).asString().doesNotContain("secret");
    }
}
