package io.storescheduler.adapter.jooq.shared;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.ConnectionProvider;

/**
 * jOOQ's connections: the thread's transaction connection while a use case runs in one, else a
 * pooled connection for one statement in auto-commit, given back after it.
 */
public final class ThreadConnections implements ConnectionProvider {

    private final ConnectionProvider pool;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private final ThreadLocal<Boolean> rollbackOnly = new ThreadLocal<>();

    public ThreadConnections(ConnectionProvider pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        var bound = transaction.get();
        return bound != null ? bound : pool.acquire();
    }

    @Override
    public void release(Connection connection) {
        if (connection != transaction.get()) {
            pool.release(connection);
        }
    }

    boolean inTransaction() {
        return transaction.get() != null;
    }

    /** Work joined to the thread's transaction was refused: the transaction must not commit. */
    void markRollbackOnly() {
        rollbackOnly.set(Boolean.TRUE);
    }

    boolean isRollbackOnly() {
        return rollbackOnly.get() != null;
    }

    /** No round trip: the driver sends {@code BEGIN} with the transaction's first statement. */
    Connection begin() {
        var connection = pool.acquire();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            pool.release(connection);
            throw Outages.failure(e);
        }
        transaction.set(connection);
        return connection;
    }

    void end(Connection connection) {
        transaction.remove();
        rollbackOnly.remove();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection; the pool drops it
        }
        pool.release(connection);
    }
}
