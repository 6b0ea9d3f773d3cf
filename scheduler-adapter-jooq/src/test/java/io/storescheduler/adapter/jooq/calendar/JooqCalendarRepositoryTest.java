package io.storescheduler.adapter.jooq.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.calendar.CalendarEntry;
import io.storescheduler.application.calendar.CalendarOwner;
import io.storescheduler.application.calendar.CalendarRepository;
import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.ScriptId;
import io.storescheduler.domain.id.StoreId;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqCalendarRepositoryTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(10));

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final CalendarRepository calendars = db.persistence().calendars();
    private final CatalogueRepository catalogue = db.persistence().catalogue();

    @Test
    void a_feed_reads_the_owners_scheduled_and_completed_bookings_in_the_window_by_start_with_the_party_size() throws SQLException {
        var storeId = db.newStore().id();
        var script = catalogue.insertScript(storeId, "Night Train", 120, List.of(new NewCharacter("Maid", false), new NewCharacter("Host", true)));
        var room = catalogue.insertRoom(storeId, "Room A", 6, true).id();
        var otherRoom = catalogue.insertRoom(storeId, "Room B", 6, true).id();
        var dm = catalogue.insertDm(storeId, "Alice", true).id();

        var later = booking(storeId, script.id(), room, "scheduled", FROM.plus(Duration.ofDays(2)), 2, dm);
        var first = booking(storeId, script.id(), room, "completed", FROM.plus(Duration.ofHours(1)), 1, null);
        booking(storeId, script.id(), room, "cancelled", FROM.plus(Duration.ofDays(1)), 1, dm);
        booking(storeId, script.id(), room, "scheduled", FROM.minusSeconds(1), 1, dm);
        booking(storeId, script.id(), room, "scheduled", TO, 1, dm);
        var elsewhere = booking(storeId, script.id(), otherRoom, "scheduled", FROM.plus(Duration.ofDays(3)), 3, dm);

        assertEquals(List.of(first, later), ids(calendars.entries(storeId, CalendarOwner.room(room), FROM, TO, 1000)));
        assertEquals(List.of(later, elsewhere), ids(calendars.entries(storeId, CalendarOwner.dm(dm), FROM, TO, 1000)));
        assertEquals(List.of(first), ids(calendars.entries(storeId, CalendarOwner.room(room), FROM, TO, 1)));
        assertEquals(List.of(), calendars.entries(db.newStore().id(), CalendarOwner.room(room), FROM, TO, 1000), "another store's path");

        var entry = calendars.entries(storeId, CalendarOwner.dm(dm), FROM, TO, 1000).get(1);
        assertEquals(3, entry.partySize());
        assertEquals("Night Train", entry.scriptName());
        assertEquals("Room B", entry.roomName());
        assertEquals(FROM.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(120)), entry.endAt());
    }

    @Test
    void a_key_replaces_the_one_before_and_belongs_to_its_own_store() {
        var storeId = db.newStore().id();
        var room = CalendarOwner.room(catalogue.insertRoom(storeId, "Keyed", 4, true).id());
        var dm = CalendarOwner.dm(catalogue.insertDm(storeId, "Keyed DM", true).id());
        calendars.replaceKey(storeId, room, hash(1), FROM);
        calendars.replaceKey(storeId, room, hash(2), FROM);
        calendars.replaceKey(storeId, dm, hash(3), FROM);

        assertArrayEquals(hash(2), calendars.keyHash(storeId, room).orElseThrow());
        assertArrayEquals(hash(3), calendars.keyHash(storeId, dm).orElseThrow());
        assertTrue(calendars.keyHash(storeId, CalendarOwner.dm(catalogue.insertDm(storeId, "Keyless DM", true).id())).isEmpty());
        var otherStore = db.newStore().id();
        assertTrue(calendars.keyHash(otherStore, room).isEmpty());
        assertThrows(DataAccessException.class, () -> calendars.replaceKey(otherStore, room, hash(4), FROM),
                "the database took a key for a room of another store");
        assertEquals("Keyed", calendars.ownerName(storeId, room).orElseThrow());
        assertTrue(calendars.ownerName(otherStore, room).isEmpty());
    }

    private static byte[] hash(int seed) {
        var bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return bytes;
    }

    private static List<BookingId> ids(List<CalendarEntry> entries) {
        return entries.stream().map(CalendarEntry::bookingId).toList();
    }

    /** A booking written as the service would leave it, with a party of {@code party} clients and, if given, a free DM. */
    private BookingId booking(StoreId storeId, ScriptId scriptId, RoomId roomId, String status, Instant start, int party, DmId dmId) throws SQLException {
        try (var connection = db.database().connect()) {
            BookingId bookingId;
            try (var insert = connection.prepareStatement("""
                    INSERT INTO booking (store_id, script_id, room_id, status, start_at, end_at)
                    VALUES (?, ?, ?, ?, ?, ? ) RETURNING id""")) {
                insert.setLong(1, storeId.value());
                insert.setLong(2, scriptId.value());
                insert.setLong(3, roomId.value());
                insert.setString(4, status);
                insert.setObject(5, java.time.OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
                insert.setObject(6, java.time.OffsetDateTime.ofInstant(start.plus(Duration.ofMinutes(120)), java.time.ZoneOffset.UTC));
                try (var row = insert.executeQuery()) {
                    row.next();
                    bookingId = new BookingId(row.getLong(1));
                }
            }
            for (int i = 0; i < party; i++) {
                var clientId = catalogue.insertClient(storeId, "Guest " + i, null).id();
                try (var add = connection.prepareStatement("INSERT INTO booking_client (store_id, booking_id, client_id) VALUES (?, ?, ?)")) {
                    add.setLong(1, storeId.value());
                    add.setLong(2, bookingId.value());
                    add.setLong(3, clientId.value());
                    add.executeUpdate();
                }
            }
            if (dmId != null) {
                try (var match = connection.prepareStatement("INSERT INTO character_dm_match (store_id, booking_id, dm_id) VALUES (?, ?, ?)")) {
                    match.setLong(1, storeId.value());
                    match.setLong(2, bookingId.value());
                    match.setLong(3, dmId.value());
                    match.executeUpdate();
                }
            }
            return bookingId;
        }
    }
}
