package io.storescheduler.adapter.jooq.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingRepository;
import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.CharacterClientMatch;
import io.storescheduler.domain.booking.CharacterDmMatch;
import io.storescheduler.domain.catalogue.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqBookingRepositoryTest {

    /** Microsecond precision on purpose: timestamptz keeps exactly that much. */
    private static final Instant CREATED = Instant.parse("2026-11-20T08:15:30.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-11-21T09:00:00.654321Z");
    private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");
    private static final Instant END = Instant.parse("2026-12-05T10:00:00Z");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final BookingRepository bookings = db.persistence().bookings();

    /** A store with one room, one DM, two clients and a script with two client characters and a DM character. */
    record StoreSetup(long storeId, long roomId, long dmId, long otherDmId, List<Long> clientIds, Script script) {

        long clientCharacter(int index) {
            return script.nonDmCharacterIds().stream().sorted().toList().get(index);
        }

        long dmCharacter() {
            return script.dmCharacterIds().iterator().next();
        }
    }

    /** What a transaction saw while it held a booking's row lock. */
    record LockedRead(Booking booking, Optional<String> otherSessionRefusal) {}

    @Test
    void an_inserted_booking_reads_back_with_every_field() {
        var store = newStoreSetup();

        var id = bookings.insert(new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(), "birthday", CREATED)).id();

        var expected = new Booking(id, store.storeId(), BookingStatus.INCOMPLETE, START, END, store.script().id(),
                store.roomId(), null, "birthday", List.of(), List.of(), List.of(), 0, CREATED, CREATED);
        assertEquals(Optional.of(expected), bookings.find(store.storeId(), id));
    }

    /** A create answers without reading the booking back, so what the insert returns must be what a read finds. */
    @Test
    void the_booking_an_insert_answers_is_the_one_a_read_finds_even_when_the_clock_is_finer_than_the_database() {
        var store = newStoreSetup();
        var row = new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(), "birthday",
                CREATED.plusNanos(123_456_789));

        var inserted = bookings.insert(row);

        assertEquals(Optional.of(row.as(inserted)), bookings.find(store.storeId(), inserted.id()));
        assertEquals(CREATED.plusNanos(123_457_000), inserted.createdAt(), "PostgreSQL keeps microseconds");
    }

    @Test
    void a_booking_without_script_room_or_note_reads_back_with_nulls() {
        var store = newStoreSetup();

        var id = bookings.insert(new NewBooking(store.storeId(), START, null, null, null, null, CREATED)).id();

        var booking = bookings.find(store.storeId(), id).orElseThrow();
        assertNull(booking.endAt());
        assertNull(booking.scriptId());
        assertNull(booking.roomId());
        assertNull(booking.note());
        assertFalse(booking.scheduleEntry().hasTime());
    }

    @Test
    void adding_a_client_twice_answers_false_the_second_time_and_keeps_one_party_member() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var client = store.clientIds().get(0);

        assertTrue(bookings.addClient(store.storeId(), id, client));
        assertFalse(bookings.addClient(store.storeId(), id, client));

        assertEquals(List.of(client), bookings.find(store.storeId(), id).orElseThrow().clientIds());
    }

    @Test
    void party_and_matches_come_back_in_the_booking() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var first = store.clientIds().get(0);
        var second = store.clientIds().get(1);
        bookings.addClient(store.storeId(), id, second);
        bookings.addClient(store.storeId(), id, first);

        var firstMatch = bookings.addClientMatch(store.storeId(), id, store.clientCharacter(0), second);
        var secondMatch = bookings.addClientMatch(store.storeId(), id, store.clientCharacter(1), first);
        var playingDm = bookings.addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var freeDm = bookings.addDmMatch(store.storeId(), id, null, store.otherDmId());

        var booking = bookings.find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(first, second), booking.clientIds());
        assertEquals(List.of(new CharacterClientMatch(firstMatch, store.clientCharacter(0), second),
                new CharacterClientMatch(secondMatch, store.clientCharacter(1), first)), booking.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(playingDm, store.dmCharacter(), store.dmId()),
                new CharacterDmMatch(freeDm, null, store.otherDmId())), booking.dmMatches());
        assertEquals(Set.of(store.dmId(), store.otherDmId()), booking.dmIds());
    }

    @Test
    void dropping_character_matches_keeps_the_party_and_the_free_dms() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var client = store.clientIds().get(0);
        bookings.addClient(store.storeId(), id, client);
        bookings.addClientMatch(store.storeId(), id, store.clientCharacter(0), client);
        bookings.addDmMatch(store.storeId(), id, store.dmCharacter(), store.dmId());
        var freeDm = bookings.addDmMatch(store.storeId(), id, null, store.otherDmId());

        bookings.dropCharacterMatches(store.storeId(), id);

        var booking = bookings.find(store.storeId(), id).orElseThrow();
        assertEquals(List.of(client), booking.clientIds());
        assertEquals(List.of(), booking.clientMatches());
        assertEquals(List.of(new CharacterDmMatch(freeDm, null, store.otherDmId())), booking.dmMatches());
    }

    @Test
    void dropping_character_matches_leaves_other_bookings_alone() {
        var store = newStoreSetup();
        var dropped = newBooking(store);
        var kept = newBooking(store);
        var match = bookings.addDmMatch(store.storeId(), kept, store.dmCharacter(), store.dmId());
        bookings.addDmMatch(store.storeId(), dropped, store.dmCharacter(), store.dmId());

        bookings.dropCharacterMatches(store.storeId(), dropped);

        assertEquals(List.of(new CharacterDmMatch(match, store.dmCharacter(), store.dmId())),
                bookings.find(store.storeId(), kept).orElseThrow().dmMatches());
    }

    @Test
    void update_writes_the_booking_columns_and_bumps_the_version() {
        var store = newStoreSetup();
        var id = newBooking(store);
        var slotId = db.persistence().slots().upsert(store.storeId(), START.plusSeconds(3600));
        var inserted = bookings.find(store.storeId(), id).orElseThrow();
        var changed = new Booking(id, store.storeId(), BookingStatus.SCHEDULED, START.plusSeconds(3600), END.plusSeconds(3600),
                store.script().id(), store.roomId(), slotId, "moved", List.of(), List.of(), List.of(),
                inserted.version(), inserted.createdAt(), inserted.updatedAt());

        bookings.update(changed, UPDATED);

        var expected = new Booking(id, store.storeId(), BookingStatus.SCHEDULED, START.plusSeconds(3600), END.plusSeconds(3600),
                store.script().id(), store.roomId(), slotId, "moved", List.of(), List.of(), List.of(), 1, CREATED, UPDATED);
        assertEquals(Optional.of(expected), bookings.find(store.storeId(), id));
        bookings.update(expected, UPDATED);
        assertEquals(2, bookings.find(store.storeId(), id).orElseThrow().version());
    }

    @Test
    void a_booking_is_not_found_under_another_stores_id() {
        var store = newStoreSetup();
        var other = db.newStore();
        var id = newBooking(store);

        assertEquals(Optional.empty(), bookings.find(other.id(), id));
        assertEquals(Optional.empty(), db.persistence().transactions().inTransaction(() -> bookings.findForUpdate(other.id(), id)));
        assertEquals(Optional.empty(), bookings.find(store.storeId(), id + 1_000_000));
    }

    @Test
    void an_update_naming_another_store_changes_nothing() {
        var store = newStoreSetup();
        var other = db.newStore();
        var id = newBooking(store);
        var booking = bookings.find(store.storeId(), id).orElseThrow();
        var elsewhere = new Booking(id, other.id(), BookingStatus.CANCELLED, START, END, store.script().id(), null, null,
                "hijacked", List.of(), List.of(), List.of(), 0, CREATED, CREATED);

        bookings.update(elsewhere, UPDATED);

        assertEquals(Optional.of(booking), bookings.find(store.storeId(), id));
    }

    @Test
    void the_database_refuses_a_match_for_a_client_outside_the_party() {
        var store = newStoreSetup();
        var id = newBooking(store);

        assertThrows(DataAccessException.class,
                () -> bookings.addClientMatch(store.storeId(), id, store.clientCharacter(0), store.clientIds().get(0)));
    }

    @Test
    void the_database_refuses_a_booking_in_a_room_of_another_store() {
        var store = newStoreSetup();
        var other = newStoreSetup();

        assertThrows(DataAccessException.class, () -> bookings.insert(
                new NewBooking(store.storeId(), START, END, store.script().id(), other.roomId(), null, CREATED)));
    }

    @Test
    void find_for_update_inside_a_transaction_reads_the_booking_and_holds_its_row_until_commit() throws SQLException {
        var store = newStoreSetup();
        var id = newBooking(store);

        var locked = db.persistence().transactions().inTransaction(() -> new LockedRead(
                bookings.findForUpdate(store.storeId(), id).orElseThrow(), tryLockRowFromAnotherSession(id)));

        assertEquals(bookings.find(store.storeId(), id).orElseThrow(), locked.booking());
        assertEquals(Optional.of(LOCK_NOT_AVAILABLE), locked.otherSessionRefusal(), "another session cannot lock the row meanwhile");
        assertEquals(Optional.empty(), tryLockRowFromAnotherSession(id), "the commit released the row");
    }

    @Test
    void find_for_update_that_waited_for_a_party_edit_reads_the_party_as_that_edit_left_it() throws Exception {
        var store = newStoreSetup();
        var id = newBooking(store);
        bookings.addClient(store.storeId(), id, store.clientIds().get(0));

        try (var editor = db.database().connect()) {
            editor.setAutoCommit(false);
            execute(editor, "SELECT id FROM booking WHERE id = " + id + " FOR UPDATE");
            execute(editor, "INSERT INTO booking_client (store_id, booking_id, client_id) VALUES ("
                    + store.storeId() + ", " + id + ", " + store.clientIds().get(1) + ")");
            var reader = Executors.newSingleThreadExecutor();
            try {
                var read = reader.submit(() -> db.persistence().transactions().inTransaction(() ->
                        bookings.findForUpdate(store.storeId(), id).orElseThrow()));
                db.awaitSessionWaitingForLock("transactionid", Duration.ofSeconds(30));
                editor.commit();

                assertEquals(store.clientIds(), read.get(30, TimeUnit.SECONDS).clientIds(),
                        "the party committed while the lock was awaited");
            } finally {
                reader.shutdownNow();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Empty when the row could be locked at once; else the SQLSTATE of the refusal. */
    private static Optional<String> tryLockRowFromAnotherSession(long bookingId) {
        try (var connection = db.database().connect();
                var statement = connection.prepareStatement("SELECT id FROM booking WHERE id = ? FOR UPDATE NOWAIT")) {
            statement.setLong(1, bookingId);
            statement.executeQuery().close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getSQLState());
        }
    }

    private long newBooking(StoreSetup store) {
        return bookings.insert(new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(), null, CREATED)).id();
    }

    private static StoreSetup newStoreSetup() {
        var storeId = db.newStore().id();
        var catalogue = db.persistence().catalogue();
        var room = catalogue.insertRoom(storeId, "room", 6, true);
        var dm = catalogue.insertDm(storeId, "dm", true);
        var otherDm = catalogue.insertDm(storeId, "other dm", true);
        var clients = List.of(catalogue.insertClient(storeId, "Lin", "13800000001").id(),
                catalogue.insertClient(storeId, "Wu", null).id());
        var script = catalogue.insertScript(storeId, "script", 240, List.of(
                new NewCharacter("detective", false), new NewCharacter("butler", false), new NewCharacter("narrator", true)));
        return new StoreSetup(storeId, room.id(), dm.id(), otherDm.id(), clients, script);
    }
}
