package dev.orderflow.jmeter.bench;

import java.net.URI;
import java.nio.file.Path;

import org.apache.jmeter.config.CSVDataSet;
import org.apache.jmeter.control.IfController;
import org.apache.jmeter.control.OnceOnlyController;
import org.apache.jmeter.extractor.json.jsonpath.JSONPostProcessor;
import org.apache.jmeter.protocol.http.control.CookieManager;
import org.apache.jmeter.protocol.http.control.Header;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jorphan.collections.HashTree;

/**
 * The order flow the way a JMeter user builds it from stock elements: HTTP Request samplers on
 * HttpClient4 with keep-alive, JSON Extractors (JSON Path) for the token and product ids, a CSV Data
 * Set for the users, a Once Only Controller around the login, an If Controller for the second
 * product, a Cookie Manager and Header Managers.
 */
final class StockOrderFlowPlan {

    static final String ORDER_LABEL = "stock: create order";
    private static final String HEADER_PANEL = "org.apache.jmeter.protocol.http.gui.HeaderPanel";

    private StockOrderFlowPlan() {
    }

    /** Adds the stock order flow to a thread group's tree. */
    static void addTo(HashTree group, URI shop, Path usersCsv) {
        CSVDataSet users = new CSVDataSet();
        users.setName("users");
        asFromGui(users, "org.apache.jmeter.testbeans.gui.TestBeanGUI");
        users.setProperty("filename", usersCsv.toString());
        users.setProperty("fileEncoding", "UTF-8");
        users.setProperty("variableNames", "username,password");
        users.setProperty("ignoreFirstLine", true);
        users.setProperty("delimiter", ",");
        users.setProperty("quotedData", false);
        users.setProperty("recycle", true);
        users.setProperty("stopThread", false);
        users.setProperty("shareMode", "shareMode.all");
        group.add(users);

        CookieManager cookies = new CookieManager();
        cookies.setName("cookies");
        asFromGui(cookies, "org.apache.jmeter.protocol.http.gui.CookiePanel");
        cookies.setClearEachIteration(false);
        group.add(cookies);

        HeaderManager headers = new HeaderManager();
        headers.setName("headers");
        asFromGui(headers, HEADER_PANEL);
        headers.add(new Header("Content-Type", "application/json"));
        headers.add(new Header("Accept", "application/json"));
        headers.add(new Header("Authorization", "Token ${token}"));
        group.add(headers);

        OnceOnlyController once = new OnceOnlyController();
        once.setName("login once");
        asFromGui(once, "org.apache.jmeter.control.gui.OnceOnlyControllerGui");
        HashTree onceTree = group.add(once);
        HashTree login = onceTree.add(post(shop, "stock: login", "/api/auth/login",
                "{\"username\":\"${username}\",\"password\":\"${password}\"}"));
        login.add(extractor("token", "$.token", "0"));

        HashTree products = group.add(get(shop, "stock: list products", "/api/products?in_stock=true"));
        products.add(extractor("productId", "$.products[?(@.stock > 0)].id", "0"));
        products.add(extractor("secondProductId", "$.products[?(@.stock > 0)].id", "0"));

        group.add(post(shop, "stock: add to cart", "/api/cart/items", "{\"product_id\":${productId},\"quantity\":1}"));
        IfController second = new IfController();
        second.setName("one or two products");
        asFromGui(second, "org.apache.jmeter.control.gui.IfControllerPanel");
        second.setUseExpression(true);
        second.setCondition("${__jexl3(${__Random(1,2)} == 2)}");
        group.add(second).add(post(shop, "stock: add second product", "/api/cart/items",
                "{\"product_id\":${secondProductId},\"quantity\":1}"));

        HashTree order = group.add(post(shop, ORDER_LABEL, "/api/orders", "{}"));
        HeaderManager idempotency = new HeaderManager();
        idempotency.setName("idempotency key");
        asFromGui(idempotency, HEADER_PANEL);
        idempotency.add(new Header("Idempotency-Key", "${__UUID()}"));
        order.add(idempotency);
    }

    /**
     * Marks an element with the GUI and element classes the JMeter GUI would save with it; the HTTP
     * sampler takes config elements (headers, cookies) only from the GUIs it knows.
     */
    private static void asFromGui(TestElement element, String guiClass) {
        element.setProperty(TestElement.GUI_CLASS, guiClass);
        element.setProperty(TestElement.TEST_CLASS, element.getClass().getName());
    }

    private static HTTPSamplerProxy get(URI shop, String name, String path) {
        HTTPSamplerProxy sampler = sampler(shop, name, path);
        sampler.setMethod("GET");
        return sampler;
    }

    private static HTTPSamplerProxy post(URI shop, String name, String path, String body) {
        HTTPSamplerProxy sampler = sampler(shop, name, path);
        sampler.setMethod("POST");
        sampler.setPostBodyRaw(true);
        sampler.addNonEncodedArgument("", body, "");
        return sampler;
    }

    private static HTTPSamplerProxy sampler(URI shop, String name, String path) {
        HTTPSamplerProxy sampler = new HTTPSamplerProxy();
        sampler.setName(name);
        asFromGui(sampler, "org.apache.jmeter.protocol.http.control.gui.HttpTestSampleGui");
        sampler.setProtocol(shop.getScheme());
        sampler.setDomain(shop.getHost());
        sampler.setPort(shop.getPort());
        sampler.setPath(path);
        sampler.setProperty("HTTPSampler.implementation", "HttpClient4");
        sampler.setUseKeepAlive(true);
        sampler.setFollowRedirects(false);
        sampler.setConnectTimeout("5000");
        sampler.setResponseTimeout("10000");
        return sampler;
    }

    private static JSONPostProcessor extractor(String variable, String path, String matchNumber) {
        JSONPostProcessor extractor = new JSONPostProcessor();
        extractor.setName("extract " + variable);
        asFromGui(extractor, "org.apache.jmeter.extractor.json.jsonpath.gui.JSONPostProcessorGui");
        extractor.setRefNames(variable);
        extractor.setJsonPathExpressions(path);
        extractor.setMatchNumbers(matchNumber);
        extractor.setDefaultValues("NOT_FOUND");
        return extractor;
    }
}
