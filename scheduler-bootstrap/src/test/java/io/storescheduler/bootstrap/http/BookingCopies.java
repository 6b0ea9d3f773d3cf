package io.storescheduler.bootstrap.http;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Copies of a booking made through the API, written in SQL with its party and character matches:
 * the rows the API writes, for a crowd too large to make request by request.
 */
final class BookingCopies {

    private BookingCopies() {}

    /** {@code copies} more bookings like {@code template} of store {@code storeId}: the same row, party and character matches. */
    static void copy(Connection connection, long storeId, long template, int copies) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO booking (store_id, script_id, room_id, slot_id, status, start_at, end_at, note, version, created_at, updated_at)
                    SELECT store_id, script_id, room_id, slot_id, status, start_at, end_at, note, version, created_at, updated_at
                    FROM booking, generate_series(1, %d) WHERE id = %d""".formatted(copies, template));
            statement.execute("""
                    INSERT INTO booking_client (store_id, booking_id, client_id)
                    SELECT copy.store_id, copy.id, party.client_id
                    FROM booking copy JOIN booking_client party ON party.store_id = copy.store_id AND party.booking_id = %d
                    WHERE %s""".formatted(template, copyOf(storeId, template)));
            statement.execute("""
                    INSERT INTO character_client_match (store_id, booking_id, character_id, client_id)
                    SELECT copy.store_id, copy.id, match.character_id, match.client_id
                    FROM booking copy JOIN character_client_match match ON match.store_id = copy.store_id AND match.booking_id = %d
                    WHERE %s""".formatted(template, copyOf(storeId, template)));
        }
    }

    /** The bookings just copied: the store's others at the template's start. */
    private static String copyOf(long storeId, long template) {
        return "copy.store_id = %d AND copy.id <> %d AND copy.start_at = (SELECT start_at FROM booking WHERE id = %d)"
                .formatted(storeId, template, template);
    }
}
