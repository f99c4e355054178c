package dev.orderflow.shop.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on one connection as a single transaction: committed when the work returns, rolled back
 * when it throws (an SQL error, or a refusal such as insufficient stock), and the connection handed
 * back in auto-commit mode either way, as the pool expects it. Rolling back before auto-commit is
 * switched on again matters: switching it on commits whatever the transaction still holds.
 */
public final class Transaction {

    /** Statements that belong together; {@code E} is the refusal, besides SQL errors, that undoes them. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    private Transaction() {
    }

    public static <T, E extends Exception> T run(Connection c, Work<T, E> work) throws SQLException, E {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
