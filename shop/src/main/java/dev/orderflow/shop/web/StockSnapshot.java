package dev.orderflow.shop.web;

import dev.orderflow.shop.store.ProductStock;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * The products and their stock from one read of the product table, tagged with the
 * {@link dev.orderflow.shop.store.StockChanges} version read before it, and the views rendered
 * from them. Each view is rendered when it is first asked for: while orders stream in, a snapshot
 * often lives only long enough to serve one kind of request. Two threads asking at once may both
 * render it; they render the same bytes. The buffers are read-only; hand each request its own
 * {@link ByteBuffer#slice()}.
 */
public final class StockSnapshot {

    private final long version;
    private final List<ProductStock> products;
    private final Function<List<ProductStock>, byte[]> productsJson;
    private volatile ByteBuffer indexPage;
    private volatile ByteBuffer allProducts;
    private volatile ByteBuffer inStockProducts;

    StockSnapshot(long version, List<ProductStock> products, Function<List<ProductStock>, byte[]> productsJson) {
        this.version = version;
        this.products = List.copyOf(products);
        this.productsJson = productsJson;
    }

    public long version() {
        return version;
    }

    public ByteBuffer indexPage() {
        ByteBuffer page = indexPage;
        if (page == null) {
            page = readOnly(IndexPageRenderer.render(products));
            indexPage = page;
        }
        return page;
    }

    public ByteBuffer allProducts() {
        ByteBuffer json = allProducts;
        if (json == null) {
            json = readOnly(productsJson.apply(products));
            allProducts = json;
        }
        return json;
    }

    public ByteBuffer inStockProducts() {
        ByteBuffer json = inStockProducts;
        if (json == null) {
            json = readOnly(productsJson.apply(products.stream().filter(p -> p.stock() > 0).toList()));
            inStockProducts = json;
        }
        return json;
    }

    private static ByteBuffer readOnly(byte[] bytes) {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
