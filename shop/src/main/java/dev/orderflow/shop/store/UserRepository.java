package dev.orderflow.shop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Looks users up by name for login. */
public final class UserRepository {

    private final DataSource db;

    public UserRepository(DataSource db) {
        this.db = db;
    }

    public Optional<StoredUser> findByUsername(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, password_hash FROM shop_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredUser(rs.getInt(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up a user", e);
        }
    }
}
