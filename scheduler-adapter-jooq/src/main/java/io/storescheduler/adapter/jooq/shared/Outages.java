package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.UseCaseFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;

/**
 * Tells a database outage from a bug: no connection to be had (the server is down or every pooled
 * connection is busy past the pool's timeout), a connection lost mid-statement, or the server
 * shutting down become {@link UseCaseFailure#unavailable}; a statement cancelled at the
 * statement timeout becomes {@link UseCaseFailure#timedOut}. The HTTP adapter answers both with
 * 503 and {@code Retry-After}. Everything else stays what it is.
 */
public final class Outages {

    private static final String DETAIL = "the database cannot be reached right now; retry shortly";
    private static final String TIMEOUT_DETAIL = "the database did not answer in time; retry shortly";
    private static final String QUERY_CANCELED = "57014";

    private Outages() {}

    /** Connections from {@code dataSource}; failing to get one is an outage. */
    public static ConnectionProvider connections(DataSource dataSource) {
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    throw outage(e);
                }
            }

            @Override
            public void release(Connection connection) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // the connection is gone either way; the pool replaces it
                }
            }
        };
    }

    /** Statement failures that mean the connection or the server went away. */
    public static ExecuteListener listener() {
        return new ExecuteListener() {
            @Override
            public void exception(ExecuteContext ctx) {
                if (isOutage(ctx.sqlException())) {
                    ctx.exception(outage(ctx.sqlException()));
                } else if (isTimeout(ctx.sqlException())) {
                    ctx.exception(UseCaseFailure.timedOut(TIMEOUT_DETAIL));
                }
            }
        };
    }

    /** A failure outside a statement (setting auto-commit, committing): an outage, a timeout, or what jOOQ would throw. */
    static RuntimeException failure(SQLException e) {
        if (isOutage(e)) {
            return outage(e);
        }
        if (isTimeout(e)) {
            return UseCaseFailure.timedOut(TIMEOUT_DETAIL);
        }
        return new DataAccessException("SQL [" + e.getSQLState() + "]; " + e.getMessage(), e);
    }

    static boolean isOutage(SQLException e) {
        if (e == null) {
            return false;
        }
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        var state = e.getSQLState();
        // 08: connection exception; 57P01..57P03: admin shutdown, crash shutdown, cannot connect now
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** 57014 query_canceled: the statement timeout (or an operator's cancel) stopped the statement; the connection lives on. */
    static boolean isTimeout(SQLException e) {
        return e != null && QUERY_CANCELED.equals(e.getSQLState());
    }

    private static UseCaseFailure outage(SQLException ignoredCause) {
        return UseCaseFailure.unavailable(DETAIL);
    }
}
