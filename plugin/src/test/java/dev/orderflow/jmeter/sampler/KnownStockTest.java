package dev.orderflow.jmeter.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KnownStockTest {

    private static final ProductId ONE = new ProductId("1");
    private static final ProductId TWO = new ProductId("\"sku-2\"");
    private static final ProductId THREE = new ProductId("3");

    private final KnownStock stock = new KnownStock();

    private void know(long one, long two, long three) {
        Map<ProductId, Long> products = new LinkedHashMap<>();
        products.put(ONE, one);
        products.put(TWO, two);
        products.put(THREE, three);
        stock.replaceWith(products);
    }

    @Test
    void picksDistinctProductsThatAreInStockOnly() {
        know(5, 0, 9);
        Random random = new Random(42);

        for (int i = 0; i < 50; i++) {
            List<ProductId> picked = stock.pickInStock(2, random);
            assertThat(picked).containsExactlyInAnyOrder(ONE, THREE);
        }
    }

    @Test
    void picksFewerWhenFewerAreInStockAndNoneWhenAllAreSoldOut() {
        know(0, 0, 1);
        assertThat(stock.pickInStock(2, new Random(1))).containsExactly(THREE);

        stock.markSoldOut(THREE);
        assertThat(stock.pickInStock(1, new Random(1))).isEmpty();
        assertThat(stock.isEmpty()).isFalse();
        assertThat(stock.inStockCount()).isZero();
    }

    @Test
    void aFreshProductListReplacesWhatWasMarkedSoldOut() {
        know(5, 5, 5);
        stock.markSoldOut(ONE);
        assertThat(stock.unitsOf(ONE)).isZero();

        know(4, 5, 5);
        assertThat(stock.unitsOf(ONE)).isEqualTo(4);
        assertThat(stock.inStockCount()).isEqualTo(3);
    }

    @Test
    void picksEveryInStockProductSometimes() {
        know(1, 1, 1);
        Random random = new Random(7);
        java.util.Set<ProductId> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.addAll(stock.pickInStock(1, random));
        }
        assertThat(seen).containsExactlyInAnyOrder(ONE, TWO, THREE);
    }
}
