package dev.orderflow.shop.web;

import java.nio.ByteBuffer;

/**
 * The stock-dependent views rendered from one read of the product table, tagged with the
 * {@link dev.orderflow.shop.store.StockChanges} version read before it. The buffers are read-only;
 * hand each request its own {@link ByteBuffer#slice()}.
 */
public record StockSnapshot(long version, ByteBuffer indexPage, ByteBuffer allProducts, ByteBuffer inStockProducts) {
}
