package dev.orderflow.jmeter.config;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/**
 * The settings of a {@link ShopConnection}, declared once with JMeter's schema API: the name each is saved under
 * in a plan, its label, hint and default (which speaks the reference shop's API). The element reads them with
 * {@link dev.orderflow.jmeter.element.SettingsReader} (see {@link ShopSettings}), its form is built from them.
 */
public final class ShopConnectionSchema extends OrderFlowSchema {

    public static final ShopConnectionSchema INSTANCE = new ShopConnectionSchema();

    static {
        INSTANCE.group("Shop");
    }
    public static final Setting PROTOCOL = INSTANCE.choice("protocol", "Protocol", "http",
            "http or https; ${__P(protocol,http)} takes it from a property", "http", "https");
    public static final Setting HOST = INSTANCE.text("host", "Host", "127.0.0.1",
            "The shop's host name or IP address, e.g. ${__P(host,127.0.0.1)}");
    public static final Setting PORT = INSTANCE.text("port", "Port", "8000",
            "The shop's port, 1..65535, e.g. ${__P(port,8000)}");

    static {
        INSTANCE.group("Connection");
    }
    public static final Setting CONNECT_TIMEOUT = INSTANCE.text("connectTimeout", "Connect timeout (ms)", "5000",
            "Longest wait for a connection, TLS handshake included; 0 waits forever");
    public static final Setting RESPONSE_TIMEOUT = INSTANCE.text("responseTimeout", "Response timeout (ms)", "10000",
            "Longest wait for the complete answer, from the start of sending the request; 0 waits forever");
    public static final Setting KEEP_ALIVE = INSTANCE.flag("keepAlive", "Keep connections alive", true,
            "Each virtual user keeps one connection open across requests");
    public static final Setting ACCEPT_ANY_CERTIFICATE = INSTANCE.flag(
            "acceptAnyCertificate", "Accept any TLS certificate", false,
            "For https test shops with self-signed certificates: the shop's identity is not checked");
    public static final Setting HTTP_VERSION = INSTANCE.choice("httpVersion", "HTTP version", "HTTP/1.1",
            "HTTP/1.1; HTTP/2 (h2 through ALPN on https, h2c on http); or auto (ALPN chooses on https, "
                    + "HTTP/1.1 on http)", "HTTP/1.1", "HTTP/2", "auto");
    public static final Setting MAX_REDIRECTS = INSTANCE.text("maxRedirects", "Redirects followed (GET)", "5",
            "How many redirects (301, 302, 303, 307, 308) a GET follows on the same shop, each hop a "
                    + "sub-result; 0 follows none. POSTs are never redirected");
    public static final Setting PROXY = INSTANCE.text("proxy", "Proxy (host:port)", "",
            "HTTP forward proxy for the shop (CONNECT for https); empty uses JMeter's own (-H/-P/-N, "
                    + "i.e. the http(s).proxyHost, proxyPort and http.nonProxyHosts system properties)");

    static {
        INSTANCE.group("API paths");
    }
    public static final Setting LOGIN_PATH = INSTANCE.text("loginPath", "Login path", "/api/auth/login",
            "POST here with the login body; the answer holds the token");
    public static final Setting PRODUCTS_PATH = INSTANCE.text(
            "productsPath", "Products path", "/api/products?in_stock=true",
            "GET here for the product list with stock");
    public static final Setting CART_ITEMS_PATH = INSTANCE.text("cartItemsPath", "Cart items path", "/api/cart/items",
            "POST here with the cart item body to put a product in the cart");
    public static final Setting ORDERS_PATH = INSTANCE.text("ordersPath", "Orders path", "/api/orders",
            "POST here with the order body to order the cart");
    public static final Setting CART_CLEAR_METHOD = INSTANCE.text("cartClearMethod", "Cart clearing method", "DELETE",
            "HTTP method that empties the cart, e.g. DELETE; sent with no body");
    public static final Setting CART_CLEAR_PATH = INSTANCE.text("cartClearPath", "Cart clearing path", "/api/cart",
            "Empties a cart left by an attempt that created no order (a 409, say) before the next Add to "
                    + "cart; empty for shops that need none");

    static {
        INSTANCE.group("Requests");
    }
    public static final Setting LOGIN_BODY = INSTANCE.longText(
            "loginBody", "Login body", "{\"username\":{username},\"password\":{password}}",
            "JSON sent to log in; {username} and {password} become JSON strings from the users file");
    public static final Setting CART_ITEM_BODY = INSTANCE.longText(
            "cartItemBody", "Cart item body", "{\"product_id\":{product},\"quantity\":1}",
            "JSON sent to add a product; {product} becomes the product's id as the shop gave it");
    public static final Setting ORDER_BODY = INSTANCE.longText("orderBody", "Order body", "{}",
            "JSON sent to create an order");
    public static final Setting AUTH_HEADER_NAME = INSTANCE.text("authHeaderName", "Auth header name", "Authorization",
            "Header that carries the token, e.g. Authorization; empty sends none (cookie sessions)");
    public static final Setting AUTH_HEADER_TEMPLATE = INSTANCE.text(
            "authHeaderTemplate", "Auth header value", "Token {token}",
            "Value of the auth header; {token} becomes the token, e.g. Token {token} or Bearer {token}");
    public static final Setting IDEMPOTENCY_HEADER = INSTANCE.text(
            "idempotencyHeader", "Idempotency header name", "Idempotency-Key",
            "Header with a fresh UUID on every order request; empty sends none");

    static {
        INSTANCE.group("Answers (JSON pointers)");
    }
    public static final Setting TOKEN_POINTER = INSTANCE.text("tokenPointer", "Token JSON pointer", "/token",
            "Where the token is in the login answer, e.g. /token");
    public static final Setting PRODUCTS_POINTER = INSTANCE.text(
            "productsPointer", "Product list JSON pointer", "/products",
            "Where the product array is in the products answer, e.g. /products");
    public static final Setting PRODUCT_ID_POINTER = INSTANCE.text("productIdPointer", "Product id JSON pointer", "/id",
            "Where a product's id is inside one product, e.g. /id");
    public static final Setting STOCK_POINTER = INSTANCE.text("stockPointer", "Stock JSON pointer", "/stock",
            "Where a product's stock is inside one product, e.g. /stock");
    public static final Setting REJECTED_PRODUCT_POINTER = INSTANCE.text(
            "rejectedProductPointer", "Sold-out product JSON pointer", "/product_id",
            "Where an insufficient-stock (409) answer names the product, e.g. /product_id");

    static {
        INSTANCE.group("Users");
    }
    public static final Setting USERS_FILE = INSTANCE.file("usersFile", "Users CSV file", "csv-data/users.csv",
            "CSV with a username,password header; virtual user i logs in as row i. Relative to the test plan's folder");

    static {
        INSTANCE.group("Results");
    }
    public static final Setting KEPT_RESPONSE_BYTES = INSTANCE.text(
            "keptResponseBytes", "Response bytes kept in results", "65536",
            "How much of each answer's body a sample and its sub-results keep for extractors, assertions "
                    + "and View Results Tree (64 KiB by default); longer bodies are counted whole and cut with a "
                    + "note in the response message");

    private ShopConnectionSchema() {
        super("Shop connection", "The shop the orderflow samplers in its scope talk to: its address, timeouts, API"
                + " paths, the shape of its requests and answers, and the users to log in as. Every field may be a"
                + " JMeter expression such as ${__P(host,127.0.0.1)}; hover over a label for what it means.");
    }
}
