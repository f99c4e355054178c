package dev.orderflow.jmeter.sampler;

import java.util.UUID;
import java.util.function.Supplier;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpRequest;

/**
 * Orders the virtual user's cart. The sample is a created order (2xx), a rejected one (an answer with
 * another code), or one of unknown outcome: the request went out but no complete answer came
 * (timeout, connection lost), so the shop may have created the order or not. A request that never left
 * (no connection) is a plain failure. Every attempt carries a fresh idempotency key. A cart whose order was
 * not created stays as it is: the shop keeps it, and the next Add to cart step empties it first.
 */
public class CreateOrderSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;

    @Override
    protected OrderFlowSchema schema() {
        return SamplerSchemas.CreateOrder.INSTANCE;
    }

    @Override
    protected FlowStep step() {
        return FlowStep.ORDER;
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        ShopSettings settings = turn.settings();
        OrderFlowSampleResult result = turn.start();
        // a request sent again after a re-login keeps its key: the shop refused the first, so at most one counts
        String idempotencyKey = UUID.randomUUID().toString();
        Supplier<HttpRequest.Builder> request = () -> {
            HttpRequest.Builder order = turn.jsonPost(ShopConnectionSchema.ORDERS_PATH, settings.orderBody());
            if (settings.idempotencyHeader() != null) {
                order.header(settings.idempotencyHeader(), idempotencyKey);
            }
            return order;
        };
        HttpExchange exchange = turn.sendAuthorized(request, ShopConnectionSchema.ORDERS_PATH, settings.orderBody());
        if (!exchange.answered()) {
            result.setOutcomeUnknown(exchange.failure().requestSent());
            return turn.end(false);
        }
        if (exchange.response().successful()) {
            turn.session().cartEmptied();
        } else if (exchange.response().status() == 409) {
            ProductId soldOut = AddToCartSampler.rejectedProduct(settings, exchange.response().body());
            if (soldOut != null) {
                turn.session().stock().markSoldOut(soldOut);
            }
        }
        return turn.end(exchange.response().successful());
    }
}
