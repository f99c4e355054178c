package dev.orderflow.shop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.sql.DataSource;

/** Reads products and their current stock. */
public final class ProductRepository {

    private final DataSource db;

    public ProductRepository(DataSource db) {
        this.db = db;
    }

    public List<Product> catalog() {
        List<Product> products = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, name, price FROM product ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                products.add(new Product(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3).setScale(2)));
            }
            return products;
        } catch (SQLException e) {
            throw new StoreException("cannot read the products", e);
        }
    }

    public OptionalInt stockOf(int productId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT stock FROM product WHERE id = ?")) {
            s.setInt(1, productId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the stock of product " + productId, e);
        }
    }

    /** Every product with its stock, in id order, read in one statement. */
    public List<ProductStock> stockList(ProductCatalog catalog) {
        List<ProductStock> list = new ArrayList<>(catalog.size());
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, stock FROM product ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int id = rs.getInt(1);
                int stock = rs.getInt(2);
                catalog.find(id).ifPresent(p -> list.add(new ProductStock(p, stock)));
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("cannot read the stock", e);
        }
    }
}
