package io.storescheduler.bootstrap.http;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Wraps a data source so that a listener hears, before each runs, every call on its connections
 * and every statement they execute, with its SQL: the hook of the wrappers that record
 * ({@link RoundTrips}) or break ({@link TransactionKills}) what the server sends.
 */
final class JdbcTap {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /** What the tap tells; each is called on the thread about to make the call, before it. */
    interface Listener {

        /** {@code method} (e.g. {@code commit}) is about to be called on {@code connection}. */
        void beforeConnectionCall(Connection connection, String method);

        /** {@code connection} is about to execute {@code sql}: the SQL passed to execute, else the prepared one (null if none). */
        void beforeExecution(Connection connection, String sql);
    }

    private JdbcTap() {}

    static DataSource wrap(DataSource dataSource, Listener listener) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            var answer = invoke(target, method, args);
            return answer instanceof Connection connection ? connection(connection, listener) : answer;
        });
    }

    private static Connection connection(Connection connection, Listener listener) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            listener.beforeConnectionCall(target, method.getName());
            var answer = invoke(target, method, args);
            if (answer instanceof Statement statement) {
                var sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return statement(statement, target, sql, listener);
            }
            return answer;
        });
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> S statement(S statement, Connection connection, String preparedSql, Listener listener) {
        var type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (S) proxy((Class<Statement>) type, statement, (target, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                listener.beforeExecution(connection, args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(JdbcTap.class.getClassLoader(), new Class<?>[] {type}, invocation);
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
