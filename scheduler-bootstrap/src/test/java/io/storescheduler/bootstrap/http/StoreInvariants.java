package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What must hold of one store's bookings whatever raced, read from the database with SQL of the
 * tests' own (not the service's queries), and the conflicts the API answers held to a recount made
 * the same way. Each check names the rows that break it.
 */
final class StoreInvariants {

    /** Scheduled bookings whose party is not a strict bijection with the script's non-DM characters. */
    private static final String BROKEN_PARTIES = """
            SELECT b.id FROM booking b
            WHERE b.store_id = ? AND b.status = 'scheduled' AND (
                (SELECT count(*) FROM booking_client p WHERE p.store_id = b.store_id AND p.booking_id = b.id) = 0
                OR (SELECT count(*) FROM script_character c
                    WHERE c.store_id = b.store_id AND c.script_id = b.script_id AND NOT c.is_dm)
                   <> (SELECT count(*) FROM character_client_match m
                       JOIN script_character c ON c.store_id = m.store_id AND c.id = m.character_id
                       WHERE m.store_id = b.store_id AND m.booking_id = b.id AND c.script_id = b.script_id AND NOT c.is_dm)
                OR (SELECT count(*) FROM booking_client p WHERE p.store_id = b.store_id AND p.booking_id = b.id)
                   <> (SELECT count(*) FROM character_client_match m WHERE m.store_id = b.store_id AND m.booking_id = b.id))
            ORDER BY b.id""";

    /** Matches naming a character that is not of the booking's script, or of the wrong kind. */
    private static final String FOREIGN_MATCHES = """
            SELECT m.id FROM character_client_match m
            JOIN booking b ON b.store_id = m.store_id AND b.id = m.booking_id
            JOIN script_character c ON c.store_id = m.store_id AND c.id = m.character_id
            WHERE m.store_id = ? AND (c.script_id IS DISTINCT FROM b.script_id OR c.is_dm)
            UNION ALL
            SELECT -m.id FROM character_dm_match m
            JOIN booking b ON b.store_id = m.store_id AND b.id = m.booking_id
            JOIN script_character c ON c.store_id = m.store_id AND c.id = m.character_id
            WHERE m.store_id = ? AND (c.script_id IS DISTINCT FROM b.script_id OR NOT c.is_dm)""";

    /** Scheduled bookings without an active room that seats their party. */
    private static final String UNSEATED = """
            SELECT b.id FROM booking b
            LEFT JOIN room r ON r.store_id = b.store_id AND r.id = b.room_id
            WHERE b.store_id = ? AND b.status = 'scheduled' AND (r.id IS NULL OR NOT r.active
                OR r.capacity < (SELECT count(*) FROM booking_client p WHERE p.store_id = b.store_id AND p.booking_id = b.id))""";

    /** Starts with more than one slot, and held bookings outside the slot of their start. */
    private static final String SLOT_BREAKS = """
            SELECT count(*) FROM slot WHERE store_id = ? GROUP BY start_at HAVING count(*) > 1
            UNION ALL
            SELECT b.id FROM booking b LEFT JOIN slot s ON s.store_id = b.store_id AND s.id = b.slot_id
            WHERE b.store_id = ? AND b.status IN ('scheduled', 'completed') AND (s.id IS NULL OR s.start_at <> b.start_at)""";

    /** Bookings whose end does not follow from their start and their script. */
    private static final String WRONG_ENDS = """
            SELECT b.id FROM booking b LEFT JOIN script s ON s.store_id = b.store_id AND s.id = b.script_id
            WHERE b.store_id = ? AND b.end_at IS DISTINCT FROM b.start_at + s.duration_minutes * interval '1 minute'""";

    /**
     * Each booking that shows conflicts, with the sorted ids of the scheduled bookings it clashes
     * with: sharing the room while either occupies it (its game and the room's turnaround), or a DM
     * while both games run.
     */
    private static final String CONFLICTS = """
            SELECT b.id, ARRAY(
                SELECT o.id FROM booking o
                WHERE o.store_id = b.store_id AND o.id <> b.id AND o.status = 'scheduled'
                  AND (o.room_id = b.room_id
                      AND o.start_at < b.end_at + r.turnaround AND b.start_at < o.end_at + r.turnaround
                    OR o.start_at < b.end_at AND b.start_at < o.end_at AND EXISTS (
                      SELECT 1 FROM character_dm_match x JOIN character_dm_match y ON y.store_id = x.store_id AND y.dm_id = x.dm_id
                      WHERE x.store_id = b.store_id AND x.booking_id = b.id AND y.booking_id = o.id))
                ORDER BY o.id)
            FROM booking b
            LEFT JOIN LATERAL (SELECT turnaround_minutes * interval '1 minute' AS turnaround FROM room
                WHERE room.store_id = b.store_id AND room.id = b.room_id) r ON true
            WHERE b.store_id = ? AND b.status IN ('scheduled', 'incomplete') AND b.end_at IS NOT NULL""";

    /** Opens a connection of the test's own to the store's database. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections database;
    private final StoreSetup store;

    StoreInvariants(TestServer server, StoreSetup store) {
        this(server::connectToDatabase, store);
    }

    StoreInvariants(Connections database, StoreSetup store) {
        this.database = database;
        this.store = store;
    }

    /** Checks every invariant; {@code after} says what ran before, for the failure message. */
    void assertAll(String after) throws SQLException {
        try (var connection = database.open()) {
            assertNone(connection, BROKEN_PARTIES, 1, after + ": scheduled bookings whose party is not a bijection");
            assertNone(connection, FOREIGN_MATCHES, 2, after + ": matches outside the booking's script (DM matches negated)");
            assertNone(connection, UNSEATED, 1, after + ": scheduled bookings without an active room seating the party");
            assertNone(connection, SLOT_BREAKS, 2, after + ": duplicate slots (counts), or held bookings outside their start's slot (ids)");
            assertNone(connection, WRONG_ENDS, 1, after + ": bookings whose end is not start + script duration");
            assertEquals(recount(connection), answered(), after + ": conflicts the API answers vs a recount, by booking id");
        }
    }

    private void assertNone(Connection connection, String sql, int storeParameters, String what) throws SQLException {
        var found = new ArrayList<Long>();
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= storeParameters; i++) {
                statement.setLong(i, store.storeId);
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
        }
        assertEquals(List.of(), found, what + " in store " + store.storeId);
    }

    private Map<Long, List<Long>> recount(Connection connection) throws SQLException {
        var conflicts = new TreeMap<Long, List<Long>>();
        try (var statement = connection.prepareStatement(CONFLICTS)) {
            statement.setLong(1, store.storeId);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    conflicts.put(rows.getLong(1), ids(rows.getArray(2)));
                }
            }
        }
        return conflicts;
    }

    /** What the API answers for each booking that shows conflicts, paged through the whole store. */
    private Map<Long, List<Long>> answered() {
        var conflicts = new TreeMap<Long, List<Long>>();
        for (int offset = 0; ; offset += 200) {
            var page = store.api.get(store.token, store.path + "/bookings?limit=200&offset=" + offset).expect(200);
            page.get("items").forEach(booking -> {
                var status = booking.get("status").asText();
                if ((status.equals("scheduled") || status.equals("incomplete")) && !booking.get("end_at").isNull()) {
                    conflicts.put(booking.get("id").asLong(), JsonLists.longs(booking.get("conflict_booking_ids")));
                }
            });
            if (offset + 200 >= page.get("total").asInt()) {
                return conflicts;
            }
        }
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }
}
