package io.storescheduler.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** From V0005 on, a draft without a script can be cancelled; it still cannot be scheduled or completed. */
class CancelledDraftMigrationTest {

    private static final String CHECK_VIOLATION = "23514";

    @ParameterizedTest
    @ValueSource(strings = {"scheduled", "completed"})
    void a_draft_without_a_script_can_be_cancelled_but_not_scheduled_or_completed(String refused) throws SQLException {
        try (var database = TestDatabase.createMigrated(); var connection = database.connect()) {
            var draft = scriptlessDraft(connection);

            var failure = assertThrows(SQLException.class, () -> setStatus(connection, draft, refused));
            assertEquals(CHECK_VIOLATION, failure.getSQLState());
            assertTrue(failure.getMessage().contains("booking_state_check"), failure::getMessage);
            assertEquals(1, setStatus(connection, draft, "cancelled"));
        }
    }

    private static long scriptlessDraft(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        WITH new_store AS (INSERT INTO store (name) VALUES ('Draft House') RETURNING id)
                        INSERT INTO booking (store_id, status) SELECT id, 'incomplete' FROM new_store RETURNING id""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int setStatus(Connection connection, long bookingId, String status) throws SQLException {
        try (var statement = connection.prepareStatement("UPDATE booking SET status = ? WHERE id = ?")) {
            statement.setString(1, status);
            statement.setLong(2, bookingId);
            return statement.executeUpdate();
        }
    }
}
