package dev.orderflow.shop.data;

import java.util.List;

/** The users and products the shop starts with (and returns to on an admin reset). */
public record SeedData(List<SeedUser> users, List<SeedProduct> products) {

    public SeedData {
        users = List.copyOf(users);
        products = List.copyOf(products);
    }
}
