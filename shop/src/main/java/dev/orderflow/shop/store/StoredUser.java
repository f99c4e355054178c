package dev.orderflow.shop.store;

/** A user as stored: id and password hash. */
public record StoredUser(int id, String passwordHash) {
}
