package io.storescheduler.bootstrap.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
final class RoundTrips {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    static final String SHOW_ISOLATION = "SHOW TRANSACTION ISOLATION LEVEL";

    private static final String RATE_LIMIT_STATEMENTS = "rate_limit_";
    private static final String RATE_LIMIT_TAKE = "insert into rate_limit_bucket";

    private final List<String> trips = new ArrayList<>();
    private final List<String> rateLimitTrips = new ArrayList<>();

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            var answer = invoke(target, method, args);
            return answer instanceof Connection connection ? connection(connection) : answer;
        });
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

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            switch (method.getName()) {
                case "commit" -> record("COMMIT");
                case "rollback" -> record("ROLLBACK");
                case "getTransactionIsolation" -> record(SHOW_ISOLATION);
                default -> { }
            }
            var answer = invoke(target, method, args);
            if (answer instanceof Statement statement) {
                var sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, sql);
            }
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends Statement> S statement(S statement, String preparedSql) {
        var type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return (S) proxy((Class<Statement>) type, statement, (target, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : String.valueOf(preparedSql));
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }
}
