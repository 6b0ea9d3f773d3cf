package io.storescheduler.bootstrap.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps the server's data source so that a test can kill the server's database session at a
 * chosen step of the next request's work: before its n-th statement, or before its commit (the
 * step after its last statement). The session is really ended, by {@code pg_terminate_backend} on
 * its own connection, so the transaction dies in PostgreSQL as it would in a crash.
 */
final class TransactionKills {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final AtomicInteger killAt = new AtomicInteger();
    private final AtomicInteger steps = new AtomicInteger();
    private volatile boolean killed;

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            var answer = invoke(target, method, args);
            return answer instanceof Connection connection ? connection(connection) : answer;
        });
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

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("commit")) {
                step(target);
            }
            var answer = invoke(target, method, args);
            if (answer instanceof Statement statement) {
                return statement(statement, target);
            }
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private <S extends Statement> S statement(S statement, Connection connection) {
        var type = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        return (S) proxy((Class<Statement>) type, statement, (target, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                step(connection);
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(TransactionKills.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }
}
