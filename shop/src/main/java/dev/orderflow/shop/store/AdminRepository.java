package dev.orderflow.shop.store;

import dev.orderflow.shop.db.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Stats over the whole shop and the reset to the seeded state. */
public final class AdminRepository {

    /** One statement, hence one snapshot: stock and units sold always add up to the initial stock. */
    private static final String STATS = "SELECT"
            + " (SELECT COUNT(*) FROM shop_user),"
            + " (SELECT COUNT(*) FROM product),"
            + " (SELECT COUNT(*) FROM shop_order),"
            + " (SELECT COUNT(*) FROM order_item),"
            + " (SELECT COALESCE(SUM(quantity), 0) FROM order_item),"
            + " (SELECT COALESCE(SUM(initial_stock), 0) FROM product),"
            + " (SELECT COALESCE(SUM(stock), 0) FROM product)";

    private final DataSource db;

    public AdminRepository(DataSource db) {
        this.db = db;
    }

    public Stats stats() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(STATS);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Stats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7));
        } catch (SQLException e) {
            throw new StoreException("cannot read the stats", e);
        }
    }

    /**
     * Stock back to the seeded values, every order gone, in one transaction. The product rows are
     * locked first, explicitly in id order as an order takes them, so a reset and an order never
     * deadlock (a plain UPDATE would lock in whatever order the database scans, which PostgreSQL does
     * not promise); an order that commits before the reset is wiped by it, one that commits after it
     * counts against the restored stock.
     */
    public void reset() {
        try (Connection c = db.getConnection()) {
            Transaction.<Void, SQLException>run(c, tx -> {
                try (Statement s = tx.createStatement()) {
                    try (ResultSet locked = s.executeQuery("SELECT id FROM product ORDER BY id FOR UPDATE")) {
                        while (locked.next()) {
                            // reading the rows is what locks them
                        }
                    }
                    s.executeUpdate("UPDATE product SET stock = initial_stock");
                    s.executeUpdate("DELETE FROM order_item");
                    s.executeUpdate("DELETE FROM shop_order");
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot reset the shop", e);
        }
    }
}
