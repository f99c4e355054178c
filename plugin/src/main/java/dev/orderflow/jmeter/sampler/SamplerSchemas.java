package dev.orderflow.jmeter.sampler;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;

/**
 * The settings of the order-flow samplers, one schema each: what the sampler does (the top of its form) and its
 * own few settings. Everything about the shop comes from the Shop connection in scope, which each form says.
 */
public final class SamplerSchemas {

    private static final String NEEDS_SHOP = " It needs an orderflow: Shop connection in its scope (in the test plan,"
            + " its thread group or beside it), which says where the shop is and how its API looks.";

    private SamplerSchemas() {
    }

    /** The settings of {@link LoginSampler}: none of its own. */
    public static final class LogIn extends OrderFlowSchema {
        public static final LogIn INSTANCE = new LogIn();

        private LogIn() {
            super("Log in", "Logs the virtual user in once, as the row of the users file its number picks, and keeps"
                    + " the token (and cookies) for the samplers after it; later iterations reuse the session."
                    + NEEDS_SHOP);
        }
    }

    /** The settings of {@link ListProductsSampler}: none of its own. */
    public static final class ListProducts extends OrderFlowSchema {
        public static final ListProducts INSTANCE = new ListProducts();

        private ListProducts() {
            super("List products", "Reads the shop's product list with stock, so that Add to cart picks products"
                    + " that are in stock." + NEEDS_SHOP);
        }
    }

    /** The settings of {@link AddToCartSampler}: how many distinct products go into a cart. */
    public static final class AddToCart extends OrderFlowSchema {
        public static final AddToCart INSTANCE = new AddToCart();

        static {
            INSTANCE.group("Cart");
        }
        public static final Setting MIN_PRODUCTS = INSTANCE.text("minProducts", "Fewest products", "1",
                "Fewest distinct in-stock products put into the cart per order attempt (at least 1)");
        public static final Setting MAX_PRODUCTS = INSTANCE.text("maxProducts", "Most products", "2",
                "Most distinct in-stock products put into the cart per order attempt; one number in between is drawn"
                        + " at random");

        private AddToCart() {
            super("Add to cart", "Starts an order attempt: puts a few distinct in-stock products into the user's"
                    + " cart, one request each (each a sub-result), after emptying a cart an earlier attempt left."
                    + NEEDS_SHOP);
        }
    }

    /** The settings of {@link CreateOrderSampler}: none of its own. */
    public static final class CreateOrder extends OrderFlowSchema {
        public static final CreateOrder INSTANCE = new CreateOrder();

        private CreateOrder() {
            super("Create order", "Orders the cart Add to cart filled, with a fresh idempotency key; the order"
                    + " summary counts it as created, failed or of unknown outcome." + NEEDS_SHOP);
        }
    }

    /** The settings of {@link PageSampler}: the page. */
    public static final class Page extends OrderFlowSchema {
        public static final Page INSTANCE = new Page();

        static {
            INSTANCE.group("Page");
        }
        public static final Setting PATH = INSTANCE.text("path", "Path", "/",
                "The page to GET, e.g. / for the shop's index page");

        private Page() {
            super("Page", "GETs one page of the shop (its index page by default), following redirects on the same"
                    + " shop; a 2xx or 3xx answer is a success." + NEEDS_SHOP);
        }
    }
}
