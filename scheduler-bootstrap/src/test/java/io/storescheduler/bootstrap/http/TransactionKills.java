package io.storescheduler.bootstrap.http;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps the server's data source so that a test can kill the server's database session at a
 * chosen step of the next request's work: before its n-th statement, or before its commit (the
 * step after its last statement). The session is really ended, by {@code pg_terminate_backend} on
 * its own connection, so the transaction dies in PostgreSQL as it would in a crash.
 */
final class TransactionKills implements JdbcTap.Listener {

    private final AtomicInteger killAt = new AtomicInteger();
    private final AtomicInteger steps = new AtomicInteger();
    private volatile boolean killed;

    DataSource wrap(DataSource dataSource) {
        return JdbcTap.wrap(dataSource, this);
    }

    /** Kills the session at step {@code step} (1: the first statement) of what runs from now on. */
    void killAt(int step) {
        killed = false;
        steps.set(0);
        killAt.set(step);
    }

    void disarm() {
        killAt.set(0);
    }

    /** Whether a session was killed since {@link #killAt}. */
    boolean killed() {
        return killed;
    }

    private void step(Connection connection) {
        var at = killAt.get();
        if (at > 0 && steps.incrementAndGet() == at) {
            killAt.set(0);
            killed = true;
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            } catch (SQLException expected) {
                // the session ended under its own statement
            }
        }
    }

    @Override
    public void beforeConnectionCall(Connection connection, String method) {
        if (method.equals("commit")) {
            step(connection);
        }
    }

    @Override
    public void beforeExecution(Connection connection, String sql) {
        step(connection);
    }
}
