package dev.orderflow.shop.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter bumped after every committed change of stock, so that views rendered from the stock
 * (the index page, the product list) know when they are stale without asking the database.
 */
public final class StockChanges {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    public void changed() {
        version.incrementAndGet();
    }
}
