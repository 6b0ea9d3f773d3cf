package io.storescheduler.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's schedule lock (the row of {@code store_schedule_lock}, V0008) seen from a test's own
 * session: held so that the server's writes queue behind it, and the server's sessions found
 * waiting for it, so a test knows a request is blocked instead of guessing with a sleep.
 */
public final class ScheduleLocks {

    /** The statement every schedule lock is taken with, as {@code pg_stat_activity} shows it. */
    private static final String WAITING = """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND wait_event_type = 'Lock' AND query LIKE '%store_schedule_lock%'""";

    private ScheduleLocks() {}

    /** Takes the store's schedule lock in {@code connection}'s transaction (autocommit turned off); commit or roll back to free it. */
    public static void hold(Connection connection, long storeId) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement("SELECT store_id FROM store_schedule_lock WHERE store_id = ? FOR NO KEY UPDATE")) {
            statement.setLong(1, storeId);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("store " + storeId + " has no schedule lock row");
                }
            }
        }
    }

    /** The pids of the sessions waiting for some store's schedule lock now. */
    public static List<Integer> waitingSessions(Connection connection) throws SQLException {
        var pids = new ArrayList<Integer>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(WAITING)) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }
}
