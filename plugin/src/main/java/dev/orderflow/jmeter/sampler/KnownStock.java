package dev.orderflow.jmeter.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a virtual user believes about the shop's stock, from the shop's own answers: the product list
 * sets it, an insufficient-stock answer marks a product sold out. Belongs to one virtual user.
 */
public final class KnownStock {

    private final Map<ProductId, Long> stock = new LinkedHashMap<>();

    /** Replaces what is known with a fresh product list. */
    public void replaceWith(Map<ProductId, Long> products) {
        stock.clear();
        stock.putAll(products);
    }

    public void markSoldOut(ProductId product) {
        stock.put(product, 0L);
    }

    public boolean isEmpty() {
        return stock.isEmpty();
    }

    public int inStockCount() {
        int count = 0;
        for (long units : stock.values()) {
            if (units > 0) {
                count++;
            }
        }
        return count;
    }

    public Long unitsOf(ProductId product) {
        return stock.get(product);
    }

    /** Up to {@code count} distinct products believed in stock, chosen at random. */
    public List<ProductId> pickInStock(int count, Random random) {
        List<ProductId> inStock = new ArrayList<>(stock.size());
        for (Map.Entry<ProductId, Long> product : stock.entrySet()) {
            if (product.getValue() > 0) {
                inStock.add(product.getKey());
            }
        }
        List<ProductId> picked = new ArrayList<>(count);
        // a partial Fisher–Yates shuffle: the first picks of a random permutation
        for (int i = 0; i < count && i < inStock.size(); i++) {
            int j = i + random.nextInt(inStock.size() - i);
            ProductId chosen = inStock.get(j);
            inStock.set(j, inStock.get(i));
            inStock.set(i, chosen);
            picked.add(chosen);
        }
        return picked;
    }
}
