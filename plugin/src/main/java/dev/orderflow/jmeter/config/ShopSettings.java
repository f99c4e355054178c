package dev.orderflow.jmeter.config;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonPointer;

import dev.orderflow.jmeter.http.ClientCertificates;
import dev.orderflow.jmeter.http.ConnectionSettings;
import dev.orderflow.jmeter.http.Endpoint;
import dev.orderflow.jmeter.http.HttpHeader;
import dev.orderflow.jmeter.http.HttpVersionChoice;
import dev.orderflow.jmeter.http.ProxyAddress;
import dev.orderflow.jmeter.http.RequestTargets;

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
    private final Map<ShopField, String> paths;
    private final Map<ShopField, URL> urls;
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
        this.urls = new EnumMap<>(ShopField.class);
        for (Map.Entry<ShopField, String> path : paths.entrySet()) {
            urls.put(path.getKey(), url(path.getValue()));
        }
        this.loginBody = p.loginBody;
        this.cartItemBody = p.cartItemBody;
        this.orderBody = p.orderBody;
        this.cartClearMethod = p.cartClearMethod;
        this.authHeaderName = p.authHeaderName;
        this.authHeaderValue = p.authHeaderValue;
        this.idempotencyHeader = p.idempotencyHeader;
        this.tokenPointer = p.pointers.get(ShopField.TOKEN_POINTER);
        this.productsPointer = p.pointers.get(ShopField.PRODUCTS_POINTER);
        this.productIdPointer = p.pointers.get(ShopField.PRODUCT_ID_POINTER);
        this.stockPointer = p.pointers.get(ShopField.STOCK_POINTER);
        this.rejectedProductPointer = p.pointers.get(ShopField.REJECTED_PRODUCT_POINTER);
        this.usersFile = p.usersFile;
        this.keptResponseBytes = p.keptResponseBytes;
        this.maxRedirects = p.maxRedirects;
        this.sessionKey = "orderflow.session " + endpoint.baseUrl();
    }

    /**
     * Checks the raw field values (null takes the field's default) and builds the settings.
     *
     * @throws InvalidShopConnectionException naming the element and every field that is wrong
     */
    public static ShopSettings of(String elementName, Map<ShopField, String> values) {
        Parser parser = new Parser(values);
        if (!parser.problems.isEmpty()) {
            throw new InvalidShopConnectionException(elementName, parser.problems);
        }
        try {
            return new ShopSettings(elementName, parser);
        } catch (MalformedURLException e) {
            throw new InvalidShopConnectionException(elementName, List.of("the shop's address is not a URL: " + e.getMessage()));
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
    public String path(ShopField pathField) {
        return paths.get(pathField);
    }

    /** The full URL for a path field, for the sample's URL. */
    public URL url(ShopField pathField) {
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
     * The method of the request that empties a user's cart (sent to {@link ShopField#CART_CLEAR_PATH}), or null
     * when the shop needs none: its path is empty.
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

    /** Reads every field, collecting a sentence for each one that is wrong. */
    private static final class Parser {
        final List<String> problems = new ArrayList<>();
        final Map<ShopField, String> values;
        Endpoint endpoint;
        int connectTimeout;
        int responseTimeout;
        boolean keepAlive;
        boolean acceptAny;
        HttpVersionChoice httpVersion;
        int maxRedirects;
        ProxyAddress proxy;
        SSLContext tls;
        final Map<ShopField, String> paths = new EnumMap<>(ShopField.class);
        Template loginBody;
        Template cartItemBody;
        String orderBody;
        String cartClearMethod;
        String authHeaderName;
        Template authHeaderValue;
        String idempotencyHeader;
        final Map<ShopField, JsonPointer> pointers = new EnumMap<>(ShopField.class);
        String usersFile;
        int keptResponseBytes;

        Parser(Map<ShopField, String> values) {
            this.values = values;
            String protocol = value(ShopField.PROTOCOL).trim().toLowerCase(Locale.ROOT);
            if (!protocol.equals("http") && !protocol.equals("https")) {
                problem(ShopField.PROTOCOL, "must be http or https, not \"" + protocol + "\"");
            }
            String host = value(ShopField.HOST).trim();
            if (host.isEmpty()) {
                problem(ShopField.HOST, "is empty");
            } else if (!host.matches("[A-Za-z0-9._:\\-\\[\\]%]+")) {
                problem(ShopField.HOST, "\"" + host + "\" is not a host name or IP address");
            }
            int port = integer(ShopField.PORT, 1, 65535);
            if (problems.isEmpty()) {
                String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                endpoint = new Endpoint(protocol, bareHost, port);
            }
            connectTimeout = integer(ShopField.CONNECT_TIMEOUT, 0, Integer.MAX_VALUE);
            responseTimeout = integer(ShopField.RESPONSE_TIMEOUT, 0, Integer.MAX_VALUE);
            keepAlive = bool(ShopField.KEEP_ALIVE);
            acceptAny = bool(ShopField.ACCEPT_ANY_CERTIFICATE);
            try {
                tls = ClientCertificates.context(acceptAny);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
            maxRedirects = integer(ShopField.MAX_REDIRECTS, 0, 100);
            proxy = proxy(value(ShopField.PROXY).trim());
            httpVersion = HttpVersionChoice.parse(value(ShopField.HTTP_VERSION));
            if (httpVersion == null) {
                problem(ShopField.HTTP_VERSION, "must be HTTP/1.1, HTTP/2 or auto, not \"" + value(ShopField.HTTP_VERSION).trim() + "\"");
            }
            for (ShopField path : List.of(ShopField.LOGIN_PATH, ShopField.PRODUCTS_PATH, ShopField.CART_ITEMS_PATH, ShopField.ORDERS_PATH)) {
                String target = value(path).trim();
                if (!RequestTargets.isValid(target)) {
                    problem(path, "\"" + target + "\" is not a path: it must start with / and have no spaces");
                }
                paths.put(path, target);
            }
            cartClear();
            loginBody = template(ShopField.LOGIN_BODY, Set.of("username", "password"));
            cartItemBody = template(ShopField.CART_ITEM_BODY, Set.of("product"));
            orderBody = value(ShopField.ORDER_BODY);
            authHeaderName = headerName(ShopField.AUTH_HEADER_NAME);
            authHeaderValue = Template.parse(value(ShopField.AUTH_HEADER_TEMPLATE), Set.of("token"));
            if (authHeaderName != null && !authHeaderValue.uses("token")) {
                problem(ShopField.AUTH_HEADER_TEMPLATE, "\"" + authHeaderValue + "\" has no {token} placeholder");
            }
            idempotencyHeader = headerName(ShopField.IDEMPOTENCY_HEADER);
            for (ShopField pointer : List.of(ShopField.TOKEN_POINTER, ShopField.PRODUCTS_POINTER, ShopField.PRODUCT_ID_POINTER,
                    ShopField.STOCK_POINTER, ShopField.REJECTED_PRODUCT_POINTER)) {
                String text = value(pointer).trim();
                try {
                    pointers.put(pointer, JsonPointer.compile(text));
                } catch (IllegalArgumentException e) {
                    problem(pointer, "\"" + text + "\" is not a JSON pointer: it must be empty or start with / (like /token)");
                }
            }
            usersFile = value(ShopField.USERS_FILE).trim();
            if (usersFile.isEmpty()) {
                problem(ShopField.USERS_FILE, "is empty");
            }
            keptResponseBytes = integer(ShopField.KEPT_RESPONSE_BYTES, 0, Integer.MAX_VALUE);
        }

        /** The cart-clearing request: a method and a path, or nothing at all when the path is empty. */
        private void cartClear() {
            String target = value(ShopField.CART_CLEAR_PATH).trim();
            if (target.isEmpty()) {
                return;
            }
            if (!RequestTargets.isValid(target)) {
                problem(ShopField.CART_CLEAR_PATH, "\"" + target + "\" is not a path: it must start with / and have no spaces,"
                        + " or be empty for a shop that needs no cart clearing");
            }
            paths.put(ShopField.CART_CLEAR_PATH, target);
            String method = value(ShopField.CART_CLEAR_METHOD).trim().toUpperCase(Locale.ROOT);
            if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                problem(ShopField.CART_CLEAR_METHOD, "\"" + method + "\" is not an HTTP method such as DELETE or POST");
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
                problem(ShopField.PROXY, "\"" + text + "\" is not host:port (like proxy.example.com:3128)");
                return null;
            }
        }

        private String value(ShopField field) {
            String value = values.get(field);
            return value == null ? field.defaultValue() : value;
        }

        private void problem(ShopField field, String sentence) {
            problems.add(field.describe() + " " + sentence);
        }

        private int integer(ShopField field, int min, int max) {
            String text = value(field).trim();
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                problem(field, "\"" + text + "\" is not a whole number");
                return 0;
            }
            if (number < min || number > max) {
                problem(field, number < 0 && min == 0
                        ? "must not be negative, not " + number
                        : "\"" + number + "\" is not in " + min + ".." + max);
                return 0;
            }
            return (int) number;
        }

        private boolean bool(ShopField field) {
            String text = value(field).trim().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                problem(field, "must be true or false, not \"" + text + "\"");
            }
            return text.equals("true");
        }

        private Template template(ShopField field, Set<String> required) {
            Template template = Template.parse(value(field), required);
            for (String name : required) {
                if (!template.uses(name)) {
                    problem(field, "has no {" + name + "} placeholder");
                }
            }
            return template;
        }

        private String headerName(ShopField field) {
            String name = value(field).trim();
            if (name.isEmpty()) {
                return null;
            }
            try {
                new HttpHeader(name, "");
            } catch (IllegalArgumentException e) {
                problem(field, "\"" + name + "\" is not a header name");
            }
            return name;
        }
    }
}
