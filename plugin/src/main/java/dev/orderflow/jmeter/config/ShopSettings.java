package dev.orderflow.jmeter.config;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonPointer;

import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.SettingsReader;

import dev.orderflow.jmeter.http.ClientCertificates;
import dev.orderflow.jmeter.http.ConnectionSettings;
import dev.orderflow.jmeter.http.Endpoint;
import dev.orderflow.jmeter.http.HttpHeader;
import dev.orderflow.jmeter.http.HttpVersionChoice;
import dev.orderflow.jmeter.http.ProxyAddress;
import dev.orderflow.jmeter.http.RequestTargets;

import static dev.orderflow.jmeter.config.ShopConnectionSchema.*;

/**
 * A shop connection's fields, checked and turned into what the samplers use. Immutable, so one
 * instance serves every sample of a virtual user.
 */
public final class ShopSettings {

    /** How much of an answer's body the client keeps for parsing; far above any order-flow answer. */
    static final int PARSED_BODY_LIMIT = 8 * 1024 * 1024;

    private final String elementName;
    private final Endpoint endpoint;
    private final ConnectionSettings connection;
    private final Map<Setting, String> paths;
    private final Map<Setting, URL> urls;
    private final Template loginBody;
    private final Template cartItemBody;
    private final String orderBody;
    private final String cartClearMethod;
    private final String authHeaderName;
    private final Template authHeaderValue;
    private final String idempotencyHeader;
    private final JsonPointer tokenPointer;
    private final JsonPointer productsPointer;
    private final JsonPointer productIdPointer;
    private final JsonPointer stockPointer;
    private final JsonPointer rejectedProductPointer;
    private final String usersFile;
    private final int keptResponseBytes;
    private final int maxRedirects;
    private final String sessionKey;

    private ShopSettings(String elementName, Parser p) throws MalformedURLException {
        this.elementName = elementName;
        this.endpoint = p.endpoint;
        this.connection = new ConnectionSettings(p.connectTimeout, p.responseTimeout, p.keepAlive,
                p.tls, !p.acceptAny,
                Math.max(PARSED_BODY_LIMIT, p.keptResponseBytes), p.httpVersion,
                p.proxy != null ? p.proxy : ProxyAddress.fromSystemProperties(p.endpoint));
        this.paths = p.paths;
        this.urls = new HashMap<>();
        for (Map.Entry<Setting, String> path : paths.entrySet()) {
            urls.put(path.getKey(), url(path.getValue()));
        }
        this.loginBody = p.loginBody;
        this.cartItemBody = p.cartItemBody;
        this.orderBody = p.orderBody;
        this.cartClearMethod = p.cartClearMethod;
        this.authHeaderName = p.authHeaderName;
        this.authHeaderValue = p.authHeaderValue;
        this.idempotencyHeader = p.idempotencyHeader;
        this.tokenPointer = p.pointers.get(TOKEN_POINTER);
        this.productsPointer = p.pointers.get(PRODUCTS_POINTER);
        this.productIdPointer = p.pointers.get(PRODUCT_ID_POINTER);
        this.stockPointer = p.pointers.get(STOCK_POINTER);
        this.rejectedProductPointer = p.pointers.get(REJECTED_PRODUCT_POINTER);
        this.usersFile = p.usersFile;
        this.keptResponseBytes = p.keptResponseBytes;
        this.maxRedirects = p.maxRedirects;
        this.sessionKey = "orderflow.session " + endpoint.baseUrl();
    }

    /**
     * Checks the raw field values (null takes the field's default) and builds the settings.
     *
     * @throws InvalidSettingsException naming the element and every field that is wrong
     */
    public static ShopSettings of(String elementName, Map<Setting, String> values) {
        return of(SettingsReader.of(ShopConnectionSchema.INSTANCE, elementName, values::get));
    }

    /**
     * Checks the values the reader gives and builds the settings.
     *
     * @throws InvalidSettingsException naming the element and every field that is wrong
     */
    public static ShopSettings of(SettingsReader reader) {
        Parser parser = new Parser(reader);
        reader.check();
        try {
            return new ShopSettings(reader.elementName(), parser);
        } catch (MalformedURLException e) {
            reader.problem("the shop's address is not a URL: " + e.getMessage());
            reader.check();
            throw new IllegalStateException(e);
        }
    }

    /** The settings every field's default makes: the reference shop on 127.0.0.1:8000. */
    public static ShopSettings defaults() {
        return of("defaults", Map.of());
    }

    public String elementName() {
        return elementName;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** The request target configured for a path field. */
    public String path(Setting pathField) {
        return paths.get(pathField);
    }

    /** The full URL for a path field, for the sample's URL. */
    public URL url(Setting pathField) {
        return urls.get(pathField);
    }

    /** The full URL of any request target on this shop. */
    public URL url(String target) throws MalformedURLException {
        return new URL(endpoint.baseUrl() + target);
    }

    public Template loginBody() {
        return loginBody;
    }

    public Template cartItemBody() {
        return cartItemBody;
    }

    public String orderBody() {
        return orderBody;
    }

    /**
     * The method of the request that empties a user's cart (sent to {@link ShopConnectionSchema#CART_CLEAR_PATH}), or
     * null when the shop needs none: its path is empty.
     */
    public String cartClearMethod() {
        return cartClearMethod;
    }

    /** The auth header's name, or null when the shop takes no auth header (cookies only). */
    public String authHeaderName() {
        return authHeaderName;
    }

    public Template authHeaderValue() {
        return authHeaderValue;
    }

    /** The idempotency header's name, or null when orders are created without one. */
    public String idempotencyHeader() {
        return idempotencyHeader;
    }

    public JsonPointer tokenPointer() {
        return tokenPointer;
    }

    public JsonPointer productsPointer() {
        return productsPointer;
    }

    public JsonPointer productIdPointer() {
        return productIdPointer;
    }

    public JsonPointer stockPointer() {
        return stockPointer;
    }

    public JsonPointer rejectedProductPointer() {
        return rejectedProductPointer;
    }

    /** The users file as configured; {@link UsersFileLocation} resolves it. */
    public String usersFile() {
        return usersFile;
    }

    public int keptResponseBytes() {
        return keptResponseBytes;
    }

    /** How many redirects a GET follows on the same shop, each a sub-result of the step; 0 follows none. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** The variable name under which a virtual user keeps its session with this shop. */
    public String sessionKey() {
        return sessionKey;
    }

    /** Reads every field through the one settings reader, which collects a sentence for each one that is wrong. */
    private static final class Parser {
        final SettingsReader read;
        Endpoint endpoint;
        int connectTimeout;
        int responseTimeout;
        boolean keepAlive;
        boolean acceptAny;
        HttpVersionChoice httpVersion;
        int maxRedirects;
        ProxyAddress proxy;
        SSLContext tls;
        final Map<Setting, String> paths = new HashMap<>();
        Template loginBody;
        Template cartItemBody;
        String orderBody;
        String cartClearMethod;
        String authHeaderName;
        Template authHeaderValue;
        String idempotencyHeader;
        final Map<Setting, JsonPointer> pointers = new HashMap<>();
        String usersFile;
        int keptResponseBytes;

        Parser(SettingsReader read) {
            this.read = read;
            String protocol = read.choice(PROTOCOL);
            String host = read.required(HOST);
            if (!host.isEmpty() && !host.matches("[A-Za-z0-9._:\\-\\[\\]%]+")) {
                read.problem(HOST, "'" + host + "' is not a host name or IP address");
            }
            int port = read.integer(PORT, 1, 65535);
            if (read.problems().isEmpty()) {
                String bareHost = host.startsWith("[") && host.endsWith("]")
                        ? host.substring(1, host.length() - 1) : host;
                endpoint = new Endpoint(protocol, bareHost, port);
            }
            connectTimeout = read.integer(CONNECT_TIMEOUT, 0, Integer.MAX_VALUE);
            responseTimeout = read.integer(RESPONSE_TIMEOUT, 0, Integer.MAX_VALUE);
            keepAlive = read.flag(KEEP_ALIVE);
            acceptAny = read.flag(ACCEPT_ANY_CERTIFICATE);
            try {
                tls = ClientCertificates.context(acceptAny);
            } catch (IllegalStateException e) {
                read.problem(e.getMessage());
            }
            maxRedirects = read.integer(MAX_REDIRECTS, 0, 100);
            proxy = proxy(read.text(PROXY));
            httpVersion = HttpVersionChoice.parse(read.choice(HTTP_VERSION));
            for (Setting path : List.of(LOGIN_PATH, PRODUCTS_PATH, CART_ITEMS_PATH, ORDERS_PATH)) {
                String target = read.text(path);
                if (!RequestTargets.isValid(target)) {
                    read.problem(path, "'" + target + "' is not a path: it must start with / and have no spaces");
                }
                paths.put(path, target);
            }
            cartClear();
            loginBody = template(LOGIN_BODY, Set.of("username", "password"));
            cartItemBody = template(CART_ITEM_BODY, Set.of("product"));
            orderBody = read.raw(ORDER_BODY);
            authHeaderName = headerName(AUTH_HEADER_NAME);
            authHeaderValue = Template.parse(read.raw(AUTH_HEADER_TEMPLATE), Set.of("token"));
            if (authHeaderName != null && !authHeaderValue.uses("token")) {
                read.problem(AUTH_HEADER_TEMPLATE, "'" + authHeaderValue + "' has no {token} placeholder");
            }
            idempotencyHeader = headerName(IDEMPOTENCY_HEADER);
            for (Setting pointer : List.of(TOKEN_POINTER, PRODUCTS_POINTER, PRODUCT_ID_POINTER, STOCK_POINTER,
                    REJECTED_PRODUCT_POINTER)) {
                String text = read.text(pointer);
                try {
                    pointers.put(pointer, JsonPointer.compile(text));
                } catch (IllegalArgumentException e) {
                    read.problem(pointer,
                            "'" + text + "' is not a JSON pointer: it must be empty or start with / (like /token)");
                }
            }
            usersFile = read.required(USERS_FILE);
            keptResponseBytes = read.integer(KEPT_RESPONSE_BYTES, 0, Integer.MAX_VALUE);
        }

        /** The cart-clearing request: a method and a path, or nothing at all when the path is empty. */
        private void cartClear() {
            String target = read.text(CART_CLEAR_PATH);
            if (target.isEmpty()) {
                return;
            }
            if (!RequestTargets.isValid(target)) {
                read.problem(CART_CLEAR_PATH, "'" + target + "' is not a path: it must start with / and have no spaces,"
                        + " or be empty for a shop that needs no cart clearing");
            }
            paths.put(CART_CLEAR_PATH, target);
            String method = read.text(CART_CLEAR_METHOD).toUpperCase(Locale.ROOT);
            if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                read.problem(CART_CLEAR_METHOD, "'" + method + "' is not an HTTP method such as DELETE or POST");
            }
            cartClearMethod = method;
        }

        /** host:port, or null when empty (then JMeter's own proxy settings apply). */
        private ProxyAddress proxy(String text) {
            if (text.isEmpty()) {
                return null;
            }
            int colon = text.lastIndexOf(':');
            try {
                String host = text.substring(0, Math.max(0, colon));
                host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                return new ProxyAddress(host, Integer.parseInt(text.substring(colon + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                read.problem(PROXY, "'" + text + "' is not host:port (like proxy.example.com:3128)");
                return null;
            }
        }

        private Template template(Setting field, Set<String> required) {
            Template template = Template.parse(read.raw(field), required);
            for (String name : required) {
                if (!template.uses(name)) {
                    read.problem(field, "has no {" + name + "} placeholder");
                }
            }
            return template;
        }

        private String headerName(Setting field) {
            String name = read.text(field);
            if (name.isEmpty()) {
                return null;
            }
            try {
                new HttpHeader(name, "");
            } catch (IllegalArgumentException e) {
                read.problem(field, "'" + name + "' is not a header name");
            }
            return name;
        }
    }
}
