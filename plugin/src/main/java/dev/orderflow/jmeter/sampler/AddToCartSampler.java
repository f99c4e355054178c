package dev.orderflow.jmeter.sampler;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.SettingsReader;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpRequest;

/**
 * Puts 1–2 (configurable) distinct products the virtual user believes in stock into its cart.
 *
 * <p>One sample covers the whole step, however many products it adds: its times span all the POSTs,
 * its bytes and connect time are their sums, its latency is the first answer's, its code and body
 * are the last answer's; each POST is a sub-result of it ("cart-0", "cart-1"), as JMeter's HTTP
 * Request shows its redirects. Not one sample per POST, because a sampler yields one result per call
 * and a second call per product would force every plan to loop around it. The plans write no
 * sub-results into result files (jmeter.save.saveservice.subresults=false), so the HTML dashboard's
 * counts and error rate read as "cart steps" and "cart failures per order attempt", as the order
 * funnel counts them. A failed step ends the iteration.
 *
 * <p>A cart that an earlier attempt filled and no order took (a sold-out answer, a failed order) is emptied
 * first, within the same sample: the shop keeps it, and ordering it again would fail again.
 */
public class AddToCartSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;

    /** An Add to cart sampler with its defaults set, also for plans built in code. */
    public AddToCartSampler() {
        SamplerSchemas.AddToCart.INSTANCE.applyDefaults(this);
    }

    @Override
    protected OrderFlowSchema schema() {
        return SamplerSchemas.AddToCart.INSTANCE;
    }

    @Override
    protected FlowStep step() {
        return FlowStep.CART;
    }

    @Override
    protected void read(SettingsReader read) {
        productCounts(read);
    }

    /** Fewest and most products per cart; what is wrong goes to the reader. */
    private static int[] productCounts(SettingsReader read) {
        int min = read.integer(SamplerSchemas.AddToCart.MIN_PRODUCTS, 1, Integer.MAX_VALUE);
        int max = read.integer(SamplerSchemas.AddToCart.MAX_PRODUCTS, 1, Integer.MAX_VALUE);
        if (min > 0 && max > 0 && max < min) {
            read.problem(SamplerSchemas.AddToCart.MAX_PRODUCTS,
                    "'" + max + "' is fewer than " + SamplerSchemas.AddToCart.MIN_PRODUCTS.describe() + ", " + min);
        }
        return new int[] {min, max};
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        ShopSettings settings = turn.settings();
        ShopSession session = turn.session();
        KnownStock stock = session.stock();
        turn.start();
        if (session.cartHoldsLeftovers()) {
            String problem = emptyCart(turn);
            if (problem != null) {
                return turn.endingIteration(turn.fail(problem));
            }
        }
        SettingsReader read = SettingsReader.of(schema(), this);
        int[] counts = productCounts(read);
        if (!read.problems().isEmpty()) {
            return turn.endingIteration(turn.fail(String.join("; ", read.problems())));
        }
        int wanted = ThreadLocalRandom.current().nextInt(counts[0], Math.max(counts[0], counts[1]) + 1);
        List<ProductId> products = stock.pickInStock(wanted, ThreadLocalRandom.current());
        if (products.isEmpty()) {
            return turn.endingIteration(turn.fail(stock.isEmpty()
                    ? "no products known: put a List products sampler before Add to cart"
                    : "every product this user knows of is sold out"));
        }
        // Until an order takes it, the cart may hold what this step adds: an unanswered request may have added its
        // product too, and a sold-out answer may come from what the cart held already (API.md: "the cart's quantity").
        session.cartFilled();
        for (ProductId product : products) {
            String body = settings.cartItemBody().render(product.json());
            HttpExchange exchange = turn.sendAuthorized(() -> turn.jsonPost(ShopConnectionSchema.CART_ITEMS_PATH, body),
                    ShopConnectionSchema.CART_ITEMS_PATH, body);
            if (!exchange.answered()) {
                return turn.endingIteration(turn.end(false));
            }
            int status = exchange.response().status();
            if (status == 409) {
                stock.markSoldOut(product);
                return turn.endingIteration(turn.end(false));
            }
            if (!exchange.response().successful()) {
                return turn.endingIteration(turn.end(false));
            }
        }
        return turn.end(true);
    }

    /**
     * Empties a cart that an earlier attempt filled and no order took, with the shop connection's cart-clearing
     * request; a shop that needs none (empty path) is taken at its word. Null when the cart is empty now, else
     * why not.
     */
    private static String emptyCart(Turn turn) {
        ShopSettings settings = turn.settings();
        String method = settings.cartClearMethod();
        if (method != null) {
            String target = settings.path(ShopConnectionSchema.CART_CLEAR_PATH);
            HttpExchange cleared = turn.sendAuthorized(
                    () -> HttpRequest.method(method, target, null).header("Accept", "application/json"),
                    ShopConnectionSchema.CART_CLEAR_PATH, null);
            if (!cleared.answered() || !cleared.response().successful()) {
                return "emptying the cart an earlier attempt left (" + method + " " + target + ") "
                        + ShopSampler.outcome(cleared);
            }
        }
        turn.session().cartEmptied();
        return null;
    }

    /** The insufficient-stock answer's product, when the shop names one. */
    static ProductId rejectedProduct(ShopSettings settings, byte[] body) {
        JsonNode id = Json.at(Json.parse(body), settings.rejectedProductPointer());
        return id == null ? null : new ProductId(id.toString());
    }
}
