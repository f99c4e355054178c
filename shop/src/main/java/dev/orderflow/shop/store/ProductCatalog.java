package dev.orderflow.shop.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products' names and prices, which never change while the shop runs; ordered by id. */
public final class ProductCatalog {

    private final Map<Integer, Product> byId = new LinkedHashMap<>();

    public ProductCatalog(List<Product> products) {
        products.stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .forEach(p -> byId.put(p.id(), p));
    }

    public Optional<Product> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Product> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
