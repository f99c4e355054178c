package dev.orderflow.jmeter.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testbeans.TestBeanHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.element.CheckedAtTestStart;

/**
 * The shop the order-flow samplers talk to: address, timeouts, API paths, the shape of its requests
 * and answers, and the users to log in as.
 *
 * <p>Samplers find it the way JMeter's HTTP samplers find their defaults: through config element
 * scoping, the nearest shop connection above or beside a sampler applies to it. Each virtual user
 * works with its own copy of the element (JMeter clones config elements per thread), which turns its
 * fields into immutable {@link ShopSettings} on first use; nothing is shared between threads but the
 * read-only users file. The settings are rebuilt after deserialization, so the element travels to
 * remote engines in distributed runs like any other.
 *
 * <p>At test start the element checks every field and the users file; a wrong one stops the test
 * before any user starts, with a message naming this element and the field.
 */
public class ShopConnection extends ConfigTestElement implements TestBean, CheckedAtTestStart {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ShopConnection.class);

    private String protocol;
    private String host;
    private String port;
    private String connectTimeout;
    private String responseTimeout;
    private boolean keepAlive = true;
    private boolean acceptAnyCertificate;
    private String httpVersion;
    private String maxRedirects;
    private String proxy;
    private String loginPath;
    private String productsPath;
    private String cartItemsPath;
    private String ordersPath;
    private String cartClearMethod;
    private String cartClearPath;
    private String loginBody;
    private String cartItemBody;
    private String orderBody;
    private String authHeaderName;
    private String authHeaderTemplate;
    private String idempotencyHeader;
    private String tokenPointer;
    private String productsPointer;
    private String productIdPointer;
    private String stockPointer;
    private String rejectedProductPointer;
    private String usersFile;
    private String keptResponseBytes;

    private transient ShopSettings settings;
    private transient UsersFile users;

    /** A shop connection with every field at its default; a JMX file's values replace them when it is loaded. */
    public ShopConnection() {
        for (ShopField field : ShopField.values()) {
            setProperty(field.property(), field.defaultValue());
        }
    }

    @Override
    public void testStarted() {
        // JMeter has prepared this bean: the fields hold the values of this run (properties evaluated)
        try {
            ShopSettings checked = ShopSettings.of(getName(), fieldValues());
            UsersFile loaded = loadUsers(checked);
            ShopTransports.record(checked);
            log.info("Shop connection \"{}\": {} with {} users from {}", getName(), checked.endpoint().baseUrl(),
                    loaded.size(), loaded.path());
        } catch (InvalidShopConnectionException e) {
            CheckedAtTestStart.refuse(e.getMessage(), "Shop connection");
        }
    }

    /**
     * The settings of this run, built on first use by the virtual user that owns this copy.
     *
     * @throws InvalidShopConnectionException when a field is wrong
     */
    public ShopSettings settings() {
        if (settings == null) {
            TestBeanHelper.prepare(this);
            settings = ShopSettings.of(getName(), fieldValues());
        }
        return settings;
    }

    /**
     * The users to log in as, read once per JVM.
     *
     * @throws InvalidShopConnectionException when the file cannot be read
     */
    public UsersFile users() {
        if (users == null) {
            users = loadUsers(settings());
        }
        return users;
    }

    private UsersFile loadUsers(ShopSettings checked) {
        String configured = checked.usersFile();
        Path found = UsersFileLocation.resolve(configured);
        if (found == null) {
            String tried = UsersFileLocation.candidates(configured).stream().map(Path::toString)
                    .collect(Collectors.joining(" or "));
            throw new InvalidShopConnectionException(getName(),
                    List.of(ShopField.USERS_FILE.describe() + " \"" + configured + "\" is not a readable file (looked for " + tried + ")"));
        }
        try {
            return UsersFile.of(found);
        } catch (IOException e) {
            throw new InvalidShopConnectionException(getName(),
                    List.of(ShopField.USERS_FILE.describe() + " cannot be used: " + e.getMessage()));
        }
    }

    private Map<ShopField, String> fieldValues() {
        Map<ShopField, String> values = new EnumMap<>(ShopField.class);
        values.put(ShopField.PROTOCOL, protocol);
        values.put(ShopField.HOST, host);
        values.put(ShopField.PORT, port);
        values.put(ShopField.CONNECT_TIMEOUT, connectTimeout);
        values.put(ShopField.RESPONSE_TIMEOUT, responseTimeout);
        values.put(ShopField.KEEP_ALIVE, Boolean.toString(keepAlive));
        values.put(ShopField.ACCEPT_ANY_CERTIFICATE, Boolean.toString(acceptAnyCertificate));
        values.put(ShopField.HTTP_VERSION, httpVersion);
        values.put(ShopField.MAX_REDIRECTS, maxRedirects);
        values.put(ShopField.PROXY, proxy);
        values.put(ShopField.LOGIN_PATH, loginPath);
        values.put(ShopField.PRODUCTS_PATH, productsPath);
        values.put(ShopField.CART_ITEMS_PATH, cartItemsPath);
        values.put(ShopField.ORDERS_PATH, ordersPath);
        values.put(ShopField.CART_CLEAR_METHOD, cartClearMethod);
        values.put(ShopField.CART_CLEAR_PATH, cartClearPath);
        values.put(ShopField.LOGIN_BODY, loginBody);
        values.put(ShopField.CART_ITEM_BODY, cartItemBody);
        values.put(ShopField.ORDER_BODY, orderBody);
        values.put(ShopField.AUTH_HEADER_NAME, authHeaderName);
        values.put(ShopField.AUTH_HEADER_TEMPLATE, authHeaderTemplate);
        values.put(ShopField.IDEMPOTENCY_HEADER, idempotencyHeader);
        values.put(ShopField.TOKEN_POINTER, tokenPointer);
        values.put(ShopField.PRODUCTS_POINTER, productsPointer);
        values.put(ShopField.PRODUCT_ID_POINTER, productIdPointer);
        values.put(ShopField.STOCK_POINTER, stockPointer);
        values.put(ShopField.REJECTED_PRODUCT_POINTER, rejectedProductPointer);
        values.put(ShopField.USERS_FILE, usersFile);
        values.put(ShopField.KEPT_RESPONSE_BYTES, keptResponseBytes);
        return values;
    }

    // Bean accessors: JMeter's TestBean machinery fills the fields from the element's properties.

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(String responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public boolean isKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(boolean keepAlive) {
        this.keepAlive = keepAlive;
    }

    public boolean isAcceptAnyCertificate() {
        return acceptAnyCertificate;
    }

    public void setAcceptAnyCertificate(boolean acceptAnyCertificate) {
        this.acceptAnyCertificate = acceptAnyCertificate;
    }

    public String getHttpVersion() {
        return httpVersion;
    }

    public void setHttpVersion(String httpVersion) {
        this.httpVersion = httpVersion;
    }

    public String getMaxRedirects() {
        return maxRedirects;
    }

    public void setMaxRedirects(String maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    public String getProxy() {
        return proxy;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public String getLoginPath() {
        return loginPath;
    }

    public void setLoginPath(String loginPath) {
        this.loginPath = loginPath;
    }

    public String getProductsPath() {
        return productsPath;
    }

    public void setProductsPath(String productsPath) {
        this.productsPath = productsPath;
    }

    public String getCartItemsPath() {
        return cartItemsPath;
    }

    public void setCartItemsPath(String cartItemsPath) {
        this.cartItemsPath = cartItemsPath;
    }

    public String getOrdersPath() {
        return ordersPath;
    }

    public void setOrdersPath(String ordersPath) {
        this.ordersPath = ordersPath;
    }

    public String getCartClearMethod() {
        return cartClearMethod;
    }

    public void setCartClearMethod(String cartClearMethod) {
        this.cartClearMethod = cartClearMethod;
    }

    public String getCartClearPath() {
        return cartClearPath;
    }

    public void setCartClearPath(String cartClearPath) {
        this.cartClearPath = cartClearPath;
    }

    public String getLoginBody() {
        return loginBody;
    }

    public void setLoginBody(String loginBody) {
        this.loginBody = loginBody;
    }

    public String getCartItemBody() {
        return cartItemBody;
    }

    public void setCartItemBody(String cartItemBody) {
        this.cartItemBody = cartItemBody;
    }

    public String getOrderBody() {
        return orderBody;
    }

    public void setOrderBody(String orderBody) {
        this.orderBody = orderBody;
    }

    public String getAuthHeaderName() {
        return authHeaderName;
    }

    public void setAuthHeaderName(String authHeaderName) {
        this.authHeaderName = authHeaderName;
    }

    public String getAuthHeaderTemplate() {
        return authHeaderTemplate;
    }

    public void setAuthHeaderTemplate(String authHeaderTemplate) {
        this.authHeaderTemplate = authHeaderTemplate;
    }

    public String getIdempotencyHeader() {
        return idempotencyHeader;
    }

    public void setIdempotencyHeader(String idempotencyHeader) {
        this.idempotencyHeader = idempotencyHeader;
    }

    public String getTokenPointer() {
        return tokenPointer;
    }

    public void setTokenPointer(String tokenPointer) {
        this.tokenPointer = tokenPointer;
    }

    public String getProductsPointer() {
        return productsPointer;
    }

    public void setProductsPointer(String productsPointer) {
        this.productsPointer = productsPointer;
    }

    public String getProductIdPointer() {
        return productIdPointer;
    }

    public void setProductIdPointer(String productIdPointer) {
        this.productIdPointer = productIdPointer;
    }

    public String getStockPointer() {
        return stockPointer;
    }

    public void setStockPointer(String stockPointer) {
        this.stockPointer = stockPointer;
    }

    public String getRejectedProductPointer() {
        return rejectedProductPointer;
    }

    public void setRejectedProductPointer(String rejectedProductPointer) {
        this.rejectedProductPointer = rejectedProductPointer;
    }

    public String getUsersFile() {
        return usersFile;
    }

    public void setUsersFile(String usersFile) {
        this.usersFile = usersFile;
    }

    public String getKeptResponseBytes() {
        return keptResponseBytes;
    }

    public void setKeptResponseBytes(String keptResponseBytes) {
        this.keptResponseBytes = keptResponseBytes;
    }
}
