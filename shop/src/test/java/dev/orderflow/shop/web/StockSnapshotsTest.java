package dev.orderflow.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.shop.store.Product;
import dev.orderflow.shop.store.ProductStock;
import dev.orderflow.shop.store.StockChanges;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StockSnapshotsTest {

    private static final Product LAMP = new Product(1, "Lamp", new BigDecimal("19.99"));
    private static final Product MUG = new Product(2, "Mug", new BigDecimal("5.00"));

    private final StockChanges changes = new StockChanges();
    private final AtomicReference<List<ProductStock>> table =
            new AtomicReference<>(List.of(new ProductStock(LAMP, 3), new ProductStock(MUG, 0)));
    private final AtomicInteger reads = new AtomicInteger();
    private final StockSnapshots snapshots = new StockSnapshots(changes, () -> {
        reads.incrementAndGet();
        return table.get();
    }, products -> products.stream().map(p -> p.product().id() + ":" + p.stock()).toList().toString()
            .getBytes(StandardCharsets.UTF_8));

    private static String text(java.nio.ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.slice()).toString();
    }

    @Test
    void theTableIsReadOnceUntilTheStockChanges() {
        assertThat(text(snapshots.current().allProducts())).isEqualTo("[1:3, 2:0]");
        assertThat(text(snapshots.current().inStockProducts())).isEqualTo("[1:3]");
        assertThat(text(snapshots.current().indexPage())).contains("<td>Lamp</td><td>19.99</td><td>3</td>");
        assertThat(reads).hasValue(1);

        table.set(List.of(new ProductStock(LAMP, 2), new ProductStock(MUG, 0)));
        assertThat(text(snapshots.current().allProducts())).isEqualTo("[1:3, 2:0]");
        changes.changed();
        assertThat(text(snapshots.current().allProducts())).isEqualTo("[1:2, 2:0]");
        assertThat(text(snapshots.current().indexPage())).contains("<td>Lamp</td><td>19.99</td><td>2</td>");
        assertThat(reads).hasValue(2);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void requestsArrivingWhileTheStockIsReReadShareOneRead() throws Exception {
        snapshots.current();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StockSnapshots slow = new StockSnapshots(changes, () -> {
            reads.incrementAndGet();
            reading.countDown();
            awaitQuietly(release);
            return table.get();
        }, products -> new byte[0]);
        changes.changed();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<StockSnapshot> first = pool.submit(slow::current);
            reading.await();
            List<Future<StockSnapshot>> others = java.util.stream.IntStream.range(0, 7)
                    .mapToObj(i -> pool.submit(slow::current)).toList();
            release.countDown();
            StockSnapshot shared = first.get();
            for (Future<StockSnapshot> other : others) {
                assertThat(other.get()).isSameAs(shared);
            }
            assertThat(reads).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
