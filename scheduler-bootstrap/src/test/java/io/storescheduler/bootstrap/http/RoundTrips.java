package io.storescheduler.bootstrap.http;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps the server's data source and records every round trip the service makes to the database:
 * each statement executed (with its SQL) and each commit or rollback. Setting auto-commit off is
 * not one: the driver sends {@code BEGIN} together with the transaction's first statement. Asking
 * the connection for its isolation level is one, though no statement shows it: PostgreSQL's driver
 * sends {@code SHOW TRANSACTION ISOLATION LEVEL} for it.
 *
 * <p>The shared rate limit's statements (on {@code rate_limit_bucket}, one take for each request
 * with a known token, and now and then a cleanup) are kept apart from the rest, so what a route
 * costs reads the same whatever limits it runs under; {@link #rateLimitTakes()} counts the takes.
 */
final class RoundTrips implements JdbcTap.Listener {

    static final String SHOW_ISOLATION = "SHOW TRANSACTION ISOLATION LEVEL";

    private static final String RATE_LIMIT_STATEMENTS = "rate_limit_";
    private static final String RATE_LIMIT_TAKE = "insert into rate_limit_bucket";

    private final List<String> trips = new ArrayList<>();
    private final List<String> rateLimitTrips = new ArrayList<>();

    DataSource wrap(DataSource dataSource) {
        return JdbcTap.wrap(dataSource, this);
    }

    /** Forgets what was recorded so far. */
    synchronized void reset() {
        trips.clear();
        rateLimitTrips.clear();
    }

    /** What was recorded since the last reset: SQL, or {@code COMMIT} / {@code ROLLBACK}. */
    synchronized List<String> recorded() {
        return List.copyOf(trips);
    }

    synchronized long statements() {
        return trips.stream().filter(trip -> !trip.equals("COMMIT") && !trip.equals("ROLLBACK")).count();
    }

    /** How many times since the last reset a request took from its actor's shared bucket. */
    synchronized long rateLimitTakes() {
        return rateLimitTrips.stream().filter(trip -> trip.contains(RATE_LIMIT_TAKE)).count();
    }

    private synchronized void record(String trip) {
        (trip.contains(RATE_LIMIT_STATEMENTS) ? rateLimitTrips : trips).add(trip);
    }

    @Override
    public void beforeConnectionCall(Connection connection, String method) {
        switch (method) {
            case "commit" -> record("COMMIT");
            case "rollback" -> record("ROLLBACK");
            case "getTransactionIsolation" -> record(SHOW_ISOLATION);
            default -> { }
        }
    }

    @Override
    public void beforeExecution(Connection connection, String sql) {
        record(String.valueOf(sql));
    }
}
