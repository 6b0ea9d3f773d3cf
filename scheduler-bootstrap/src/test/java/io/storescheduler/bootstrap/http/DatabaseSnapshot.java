package io.storescheduler.bootstrap.http;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every row of the application's tables, read straight from the server's database as text, for
 * tests that prove a refused request changed nothing. Idempotency bookkeeping, the rate-limit
 * buckets (every request with a known token takes from one, refused or not) and Flyway's own
 * history are left out: they are not the application's data.
 */
final class DatabaseSnapshot {

    private static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "idempotency_key", "rate_limit_bucket");

    private DatabaseSnapshot() {}

    /** Every row of every application table, as {@code table: (row text)}, sorted. */
    static List<String> whole(TestServer server) {
        return read(server, null);
    }

    /** The store's own row and every row that carries its {@code store_id}, sorted. */
    static List<String> ofStore(TestServer server, long storeId) {
        return read(server, storeId);
    }

    private static List<String> read(TestServer server, Long storeId) {
        try (var connection = server.connectToDatabase()) {
            var rows = new ArrayList<String>();
            for (var table : tables(connection)) {
                var where = storeId == null ? "" : table.equals("store") ? " WHERE t.id = " + storeId
                        : hasStoreId(connection, table) ? " WHERE t.store_id = " + storeId : null;
                if (where != null) {
                    rows.addAll(rows(connection, table, where));
                }
            }
            if (rows.isEmpty()) {
                throw new AssertionError("the snapshot is empty: nothing to compare");
            }
            rows.sort(null);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
                var result = statement.executeQuery()) {
            while (result.next()) {
                if (!NOT_DATA.contains(result.getString(1))) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    private static boolean hasStoreId(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? AND column_name = 'store_id'")) {
            statement.setString(1, table);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static List<String> rows(Connection connection, String table, String where) throws SQLException {
        var rows = new ArrayList<String>();
        try (var statement = connection.prepareStatement("SELECT t::text FROM \"" + table + "\" t" + where);
                var result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(table + ": " + result.getString(1));
            }
        }
        return rows;
    }
}
