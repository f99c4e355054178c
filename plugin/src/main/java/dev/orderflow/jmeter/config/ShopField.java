package dev.orderflow.jmeter.config;

/**
 * The fields of a {@link ShopConnection}, declared once: the property each is saved under in a JMX
 * file, the label the GUI shows (and error messages use), and the default, which speaks the
 * reference shop's API.
 */
public enum ShopField {
    PROTOCOL("protocol", "Protocol", "http"),
    HOST("host", "Host", "127.0.0.1"),
    PORT("port", "Port", "8000"),
    CONNECT_TIMEOUT("connectTimeout", "Connect timeout (ms)", "5000"),
    RESPONSE_TIMEOUT("responseTimeout", "Response timeout (ms)", "10000"),
    KEEP_ALIVE("keepAlive", "Keep connections alive", "true"),
    ACCEPT_ANY_CERTIFICATE("acceptAnyCertificate", "Accept any TLS certificate", "false"),
    HTTP_VERSION("httpVersion", "HTTP version", "HTTP/1.1"),
    MAX_REDIRECTS("maxRedirects", "Redirects followed (GET)", "5"),
    PROXY("proxy", "Proxy (host:port)", ""),
    LOGIN_PATH("loginPath", "Login path", "/api/auth/login"),
    PRODUCTS_PATH("productsPath", "Products path", "/api/products?in_stock=true"),
    CART_ITEMS_PATH("cartItemsPath", "Cart items path", "/api/cart/items"),
    ORDERS_PATH("ordersPath", "Orders path", "/api/orders"),
    CART_CLEAR_METHOD("cartClearMethod", "Cart clearing method", "DELETE"),
    CART_CLEAR_PATH("cartClearPath", "Cart clearing path", "/api/cart"),
    LOGIN_BODY("loginBody", "Login body", "{\"username\":{username},\"password\":{password}}"),
    CART_ITEM_BODY("cartItemBody", "Cart item body", "{\"product_id\":{product},\"quantity\":1}"),
    ORDER_BODY("orderBody", "Order body", "{}"),
    AUTH_HEADER_NAME("authHeaderName", "Auth header name", "Authorization"),
    AUTH_HEADER_TEMPLATE("authHeaderTemplate", "Auth header value", "Token {token}"),
    IDEMPOTENCY_HEADER("idempotencyHeader", "Idempotency header name", "Idempotency-Key"),
    TOKEN_POINTER("tokenPointer", "Token JSON pointer", "/token"),
    PRODUCTS_POINTER("productsPointer", "Product list JSON pointer", "/products"),
    PRODUCT_ID_POINTER("productIdPointer", "Product id JSON pointer", "/id"),
    STOCK_POINTER("stockPointer", "Stock JSON pointer", "/stock"),
    REJECTED_PRODUCT_POINTER("rejectedProductPointer", "Sold-out product JSON pointer", "/product_id"),
    USERS_FILE("usersFile", "Users CSV file", "csv-data/users.csv"),
    KEPT_RESPONSE_BYTES("keptResponseBytes", "Response bytes kept in results", "65536");

    private final String property;
    private final String label;
    private final String defaultValue;

    ShopField(String property, String label, String defaultValue) {
        this.property = property;
        this.label = label;
        this.defaultValue = defaultValue;
    }

    /** The bean property, and the name of the JMX property it is saved as. */
    public String property() {
        return property;
    }

    public String label() {
        return label;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** "Port (port)": how an error message names the field, by its GUI label and its JMX property. */
    public String describe() {
        return label + " (" + property + ")";
    }
}
