package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.jmeter.extractor.json.jsonpath.JSONPostProcessor;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.visualizers.RenderAsJSON;
import org.apache.jmeter.visualizers.ViewResultsFullVisualizer;
import org.apache.jorphan.collections.HashTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.testing.RecordingListener;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * Every HTTP request of a step is a sub-result of the step's sample, with the whole body up to the kept size, so
 * JMeter's extractors and View Results Tree work on orderflow samples as on its HTTP Request.
 */
@Timeout(120)
class SubResultsAgainstShopTest {

    private static Shop shop;
    private static RecordingListener listener;
    private static String lastProductId;

    @BeforeAll
    static void runOneUserThroughTheFlowWithAJsonExtractorAfterListProducts() throws Exception {
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData()).build());
        String products = HttpClient.newHttpClient().send(HttpRequest.newBuilder(shop.baseUri()
                .resolve("/api/products?in_stock=true")).build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode list = new ObjectMapper().readTree(products).get("products");
        lastProductId = list.get(list.size() - 1).get("id").asText();
        assertThat(products.length()).as("the list is longer than the old 4 KiB cut").isGreaterThan(4096);

        JSONPostProcessor extractor = new JSONPostProcessor();
        extractor.setName("last product id");
        extractor.setRefNames("last_id");
        extractor.setJsonPathExpressions("$.products[" + (list.size() - 1) + "].id");
        extractor.setMatchNumbers("1");
        extractor.setDefaultValues("NOT_FOUND");
        ListProductsSampler productsSampler = Plans.named(new ListProductsSampler(), "products");
        AddToCartSampler cart = Plans.named(new AddToCartSampler(), "cart");
        cart.setProperty(SamplerSchemas.AddToCart.MIN_PRODUCTS.name(), 2);
        cart.setProperty(SamplerSchemas.AddToCart.MAX_PRODUCTS.name(), 2);
        PageSampler page = Plans.named(new PageSampler(), "page");
        page.setProperty(SamplerSchemas.Page.PATH.name(), "/health?last=${last_id}");

        listener = new RecordingListener();
        HashTree plan = Plans.plan(Plans.threadGroup(1, 1),
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), listener},
                Plans.named(new LoginSampler(), "login"), productsSampler, cart,
                Plans.named(new CreateOrderSampler(), "order"), page);
        Object testPlan = plan.getArray()[0];
        HashTree planTree = plan.getTree(testPlan);
        for (Object element : planTree.getArray()) {
            HashTree below = planTree.getTree(element);
            if (below.getTree(productsSampler) != null) {
                below.getTree(productsSampler).add(extractor);
            }
        }
        JMeterEnvironment.run(plan, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheShop() {
        shop.close();
    }

    private static OrderFlowSampleResult only(FlowStep step) {
        assertThat(listener.of(step)).hasSize(1);
        return listener.of(step).get(0);
    }

    @Test
    void addToCartWithTwoProductsIsOneSampleWithTwoSubResults() {
        OrderFlowSampleResult cart = only(FlowStep.CART);

        assertThat(cart.isSuccessful()).isTrue();
        SampleResult[] requests = cart.getSubResults();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(SampleResult::getSampleLabel).containsExactly("cart-0", "cart-1");
        for (SampleResult request : requests) {
            assertThat(request.getResponseCode()).isEqualTo("201");
            assertThat(request.getSamplerData())
                    .startsWith("POST " + shop.baseUri() + "/api/cart/items\n\n{\"product_id\":");
            assertThat(request.getRequestHeaders()).startsWith("POST /api/cart/items HTTP/1.1\n")
                    .contains("Authorization: Token ***").doesNotContainPattern("Token [^*]");
            assertThat(request.getResponseDataAsString()).contains("\"items\"");
            assertThat(request.getBytesAsLong()).isPositive();
            assertThat(request.getStartTime()).isBetween(cart.getStartTime(), cart.getEndTime());
        }
        assertThat(cart.getBytesAsLong()).as("the step counts its requests' bytes once")
                .isEqualTo(requests[0].getBytesAsLong() + requests[1].getBytesAsLong());
        assertThat(only(FlowStep.ORDER).getSubResults()).hasSize(1);
    }

    @Test
    void aJsonExtractorAfterListProductsExtractsFromTheWholeBody() {
        OrderFlowSampleResult products = only(FlowStep.PRODUCTS);
        assertThat(products.getResponseData().length).isGreaterThan(4096);
        assertThat(products.getResponseMessage()).isEqualTo("OK");

        OrderFlowSampleResult page = only(FlowStep.PAGE);
        assertThat(page.getURL().toString()).endsWith("/health?last=" + lastProductId);
    }

    @Test
    void viewResultsTreeShowsTheBodyOfASubResult() {
        SampleResult secondItem = only(FlowStep.CART).getSubResults()[1];

        // what View Results Tree's Text and JSON views show of the sample selected in its tree (their Swing panes
        // need a display; the text they are given is computed here)
        String shown = ViewResultsFullVisualizer.getResponseAsString(secondItem);
        assertThat(shown).isEqualTo(new String(secondItem.getResponseData(), StandardCharsets.UTF_8))
                .contains("\"total\"");
        assertThat(RenderAsJSON.prettyJSON(shown)).contains("\"items\": [");
        assertThat(URI.create(secondItem.getUrlAsString()).getPath()).isEqualTo("/api/cart/items");
    }
}
