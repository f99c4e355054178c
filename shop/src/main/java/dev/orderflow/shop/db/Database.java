package dev.orderflow.shop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The shop's connection pool. By default a private in-memory H2 database (MVStore) that lives exactly
 * as long as the shop; any JDBC URL (PostgreSQL, a file-backed H2) may be given instead.
 */
public final class Database implements AutoCloseable {

    /**
     * Connections in the pool. A transaction here is a handful of short statements on a 2-core
     * machine, so more connections than this only add lock waits on the hot product rows; a request
     * that finds none free waits for one (bounded by {@link #CONNECTION_TIMEOUT_MS}).
     */
    static final int POOL_SIZE = 16;
    static final long CONNECTION_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final boolean privateH2;

    private Database(HikariDataSource pool, boolean privateH2) {
        this.pool = pool;
        this.privateH2 = privateH2;
    }

    /** Opens a pool on {@code jdbcUrl}, or on a new private in-memory H2 database when it is null. */
    public static Database open(String jdbcUrl) {
        boolean privateH2 = jdbcUrl == null;
        String url = privateH2 ? privateH2Url() : jdbcUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("orderflow-shop");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        return new Database(new HikariDataSource(config), privateH2);
    }

    /**
     * A uniquely named in-memory database (several shops may run in one JVM) that is kept until
     * {@link #close()} shuts it down, even if the pool briefly holds no connection. A lock wait of
     * up to 10 s (H2's default is 1 s) keeps a burst of orders on one product from failing when
     * they merely queue for its row.
     */
    private static String privateH2Url() {
        return "jdbc:h2:mem:orderflow-shop-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        if (privateH2 && !pool.isClosed()) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // SHUTDOWN closes the connection it runs on; the database is gone either way
            }
        }
        pool.close();
    }
}
