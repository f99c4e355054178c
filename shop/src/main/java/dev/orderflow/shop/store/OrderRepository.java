package dev.orderflow.shop.store;

import dev.orderflow.shop.db.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Creates orders (stock and order rows in one transaction) and reads them back. */
public final class OrderRepository {

    /** SQLSTATE of a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT_ORDER =
            "INSERT INTO shop_order (user_id, idempotency_key, total) VALUES (?, ?, ?)";
    private static final String INSERT_ITEM =
            "INSERT INTO order_item (order_id, product_id, quantity, price) VALUES (?, ?, ?, ?)";
    private static final String TAKE_STOCK =
            "UPDATE product SET stock = stock - ? WHERE id = ? AND stock >= ?";
    private static final String SELECT_ORDER =
            "SELECT o.id, o.total, i.product_id, i.quantity, i.price FROM shop_order o"
                    + " JOIN order_item i ON i.order_id = o.id WHERE o.user_id = ? AND ";

    private final DataSource db;

    public OrderRepository(DataSource db) {
        this.db = db;
    }

    /**
     * Creates the order of {@code lines} all or nothing: the order and its items are inserted, then
     * each product's stock is taken with a conditional update (in product id order, so that two
     * orders never wait for each other's rows in opposite orders). If any product lacks stock
     * nothing is kept.
     */
    public Order create(int userId, String idempotencyKey, List<LineItem> lines)
            throws InsufficientStockException, DuplicateOrderKeyException {
        List<LineItem> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(LineItem::productId));
        BigDecimal total = LineItem.total(sorted);
        try (Connection c = db.getConnection()) {
            return Transaction.<Order, InsufficientStockException>run(c, tx -> {
                long orderId = insertOrder(tx, userId, idempotencyKey, total);
                insertItems(tx, orderId, sorted);
                takeStock(tx, sorted);
                return new Order(orderId, total, sorted);
            });
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new DuplicateOrderKeyException();
            }
            throw new StoreException("cannot create an order", e);
        }
    }

    private static long insertOrder(Connection c, int userId, String key, BigDecimal total) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ORDER, new String[] {"id"})) {
            s.setInt(1, userId);
            s.setString(2, key);
            s.setBigDecimal(3, total);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new order");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertItems(Connection c, long orderId, List<LineItem> lines) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_ITEM)) {
            for (LineItem line : lines) {
                s.setLong(1, orderId);
                s.setInt(2, line.productId());
                s.setInt(3, line.quantity());
                s.setBigDecimal(4, line.price());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void takeStock(Connection c, List<LineItem> lines) throws SQLException, InsufficientStockException {
        try (PreparedStatement s = c.prepareStatement(TAKE_STOCK)) {
            for (LineItem line : lines) {
                s.setInt(1, line.quantity());
                s.setInt(2, line.productId());
                s.setInt(3, line.quantity());
                if (s.executeUpdate() != 1) {
                    throw new InsufficientStockException(line.productId());
                }
            }
        }
    }

    /** The user's order with this id; empty when there is none or it is someone else's. */
    public Optional<Order> find(int userId, long orderId) {
        return select(SELECT_ORDER + "o.id = ? ORDER BY i.product_id", userId, s -> s.setLong(2, orderId));
    }

    public Optional<Order> findByKey(int userId, String idempotencyKey) {
        return select(SELECT_ORDER + "o.idempotency_key = ? ORDER BY i.product_id", userId,
                s -> s.setString(2, idempotencyKey));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<Order> select(String sql, int userId, Binder binder) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, userId);
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                long id = 0;
                BigDecimal total = null;
                List<LineItem> items = new ArrayList<>();
                while (rs.next()) {
                    id = rs.getLong(1);
                    total = rs.getBigDecimal(2).setScale(2);
                    items.add(new LineItem(rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5).setScale(2)));
                }
                return total == null ? Optional.empty() : Optional.of(new Order(id, total, items));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an order", e);
        }
    }
}
