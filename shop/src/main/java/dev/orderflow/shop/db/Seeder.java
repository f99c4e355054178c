package dev.orderflow.shop.db;

import dev.orderflow.shop.data.SeedData;
import dev.orderflow.shop.data.SeedProduct;
import dev.orderflow.shop.data.SeedUser;
import dev.orderflow.shop.security.PasswordHasher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Re-creates the schema and fills it with the seed data; passwords go in only as salted hashes. */
public final class Seeder {

    private static final int BATCH = 500;

    private Seeder() {
    }

    public static void seed(Connection c, SeedData data, PasswordHasher hasher) throws SQLException {
        // hashing is the slow part of a start; spread it over the cores
        List<String> hashes = data.users().parallelStream().map(u -> hasher.hash(u.password())).toList();
        Transaction.<Void, SQLException>run(c, tx -> {
            Schema.recreate(tx);
            insertUsers(tx, data.users(), hashes);
            insertProducts(tx, data.products());
            return null;
        });
    }

    private static void insertUsers(Connection c, List<SeedUser> users, List<String> hashes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO shop_user (id, username, password_hash) VALUES (?, ?, ?)")) {
            for (int i = 0; i < users.size(); i++) {
                SeedUser user = users.get(i);
                s.setInt(1, user.id());
                s.setString(2, user.username());
                s.setString(3, hashes.get(i));
                s.addBatch();
                if ((i + 1) % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void insertProducts(Connection c, List<SeedProduct> products) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO product (id, name, price, stock, initial_stock) VALUES (?, ?, ?, ?, ?)")) {
            for (SeedProduct p : products) {
                s.setInt(1, p.id());
                s.setString(2, p.name());
                s.setBigDecimal(3, p.price());
                s.setInt(4, p.stock());
                s.setInt(5, p.stock());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
