package dev.orderflow.jmeter.testing;

import java.net.URI;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * The reference shop on a free loopback port with the seeded users and products, for all tests of a class:
 * {@code @RegisterExtension static final ReferenceShop shop = new ReferenceShop();}.
 */
public final class ReferenceShop implements BeforeAllCallback, AfterAllCallback {

    private final String adminKey;
    private Shop shop;

    /** A shop with a random admin key of its own. */
    public ReferenceShop() {
        this(null);
    }

    /** A shop whose statistics the tests read with {@code adminKey}. */
    public ReferenceShop(String adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ShopConfig.Builder config = ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData());
        shop = Shop.start(adminKey == null ? config.build() : config.adminKey(adminKey).build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        shop.close();
    }

    public int port() {
        return shop.port();
    }

    public URI baseUri() {
        return shop.baseUri();
    }
}
