package dev.orderflow.jmeter.sampler;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;

/**
 * Lists the shop's products and makes the answer the virtual user's known stock, from which Add to
 * cart picks. A failure here does not end the iteration: the cart may still be filled from what the
 * user knew before.
 */
public class ListProductsSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;

    @Override
    protected OrderFlowSchema schema() {
        return SamplerSchemas.ListProducts.INSTANCE;
    }

    @Override
    protected FlowStep step() {
        return FlowStep.PRODUCTS;
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        ShopSettings settings = turn.settings();
        turn.start();
        HttpExchange exchange = turn.sendAuthorized(() -> turn.jsonGet(ShopConnectionSchema.PRODUCTS_PATH),
                ShopConnectionSchema.PRODUCTS_PATH, null);
        if (!exchange.answered() || !exchange.response().successful()) {
            return turn.end(false);
        }
        JsonNode root = Json.parse(exchange.response().body());
        if (root == null) {
            return turn.fail("the products answer is not JSON");
        }
        JsonNode list = Json.at(root, settings.productsPointer());
        if (list == null || !list.isArray()) {
            return turn.fail("the products answer has no product list at " + settings.productsPointer());
        }
        Map<ProductId, Long> products = new LinkedHashMap<>(list.size() * 2);
        for (JsonNode product : list) {
            JsonNode id = Json.at(product, settings.productIdPointer());
            if (id == null || !(id.isNumber() || id.isTextual())) {
                return turn.fail("a product in the list has no id at " + settings.productIdPointer());
            }
            JsonNode stock = Json.at(product, settings.stockPointer());
            // a shop that does not tell stock lists what can be bought: take it as in stock
            long units = stock == null ? 1 : stock.isNumber() ? stock.asLong() : parseUnits(stock.asText());
            products.put(new ProductId(id.toString()), units);
        }
        turn.session().stock().replaceWith(products);
        return turn.end(true);
    }

    private static long parseUnits(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
