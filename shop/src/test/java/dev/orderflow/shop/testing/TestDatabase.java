package dev.orderflow.shop.testing;

/**
 * The database the API tests run the shop on: the private in-memory H2 by default, or the JDBC URL in
 * {@code ORDERFLOW_SHOP_TEST_JDBC_URL} (for example a local PostgreSQL) to prove the schema and the
 * transactions there too.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The JDBC URL to use, or null for the shop's default. */
    public static String jdbcUrl() {
        return System.getenv("ORDERFLOW_SHOP_TEST_JDBC_URL");
    }
}
