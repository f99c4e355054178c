package dev.orderflow.shop.web;

import dev.orderflow.shop.store.ProductStock;
import dev.orderflow.shop.store.StockChanges;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves the index page and the product lists from a rendering of the stock that is re-read from the
 * database only after the stock has changed. The database stays the one source of truth: a request
 * is answered from a snapshot whose read began after every stock change that had completed when the
 * request arrived. While orders stream in, concurrent requests share one re-read instead of each
 * running their own.
 */
public final class StockSnapshots {

    private final StockChanges changes;
    private final Supplier<List<ProductStock>> reader;
    private final Function<List<ProductStock>, byte[]> productsJson;
    private final Object rebuildLock = new Object();
    private volatile StockSnapshot latest;

    public StockSnapshots(StockChanges changes, Supplier<List<ProductStock>> reader,
                          Function<List<ProductStock>, byte[]> productsJson) {
        this.changes = changes;
        this.reader = reader;
        this.productsJson = productsJson;
    }

    public StockSnapshot current() {
        long wanted = changes.current();
        StockSnapshot snapshot = latest;
        if (snapshot != null && snapshot.version() >= wanted) {
            return snapshot;
        }
        synchronized (rebuildLock) {
            snapshot = latest;
            if (snapshot != null && snapshot.version() >= wanted) {
                return snapshot;
            }
            // read the version before the rows: the rows are then at least that new
            long version = changes.current();
            snapshot = new StockSnapshot(version, reader.get(), productsJson);
            latest = snapshot;
            return snapshot;
        }
    }
}
