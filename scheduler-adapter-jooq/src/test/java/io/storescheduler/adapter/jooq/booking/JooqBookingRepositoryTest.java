package io.storescheduler.adapter.jooq.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.BookingRepositoryContract;
import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.id.BookingId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The booking repository contract on PostgreSQL, and what only the database does: precision, integrity, row locks. */
class JooqBookingRepositoryTest extends BookingRepositoryContract {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    /** What a transaction saw while it held a booking's row lock. */
    record LockedRead(Booking booking, Optional<String> otherSessionRefusal) {}

    JooqBookingRepositoryTest() {
        super(db);
    }

    @Test
    void postgresql_keeps_the_insert_time_to_the_microsecond() {
        var store = newStoreSetup();

        var inserted = bookings().insert(new NewBooking(store.storeId(), START, END, store.script().id(), store.roomId(),
                "birthday", CREATED.plusNanos(123_456_789)));

        assertEquals(CREATED.plusNanos(123_457_000), inserted.createdAt(), "PostgreSQL keeps microseconds");
    }

    @Test
    void the_database_refuses_a_booking_in_a_room_of_another_store() {
        var store = newStoreSetup();
        var other = newStoreSetup();

        assertThrows(DataAccessException.class, () -> bookings().insert(
                new NewBooking(store.storeId(), START, END, store.script().id(), other.roomId(), null, CREATED)));
    }

    @Test
    void find_for_update_inside_a_transaction_reads_the_booking_and_holds_its_row_until_commit() throws SQLException {
        var store = newStoreSetup();
        var id = newBooking(store);

        var locked = db.persistence().transactions().inTransaction(() -> new LockedRead(
                bookings().findForUpdate(store.storeId(), id).orElseThrow(), tryLockRowFromAnotherSession(id)));

        assertEquals(bookings().find(store.storeId(), id).orElseThrow(), locked.booking());
        assertEquals(Optional.of(LOCK_NOT_AVAILABLE), locked.otherSessionRefusal(), "another session cannot lock the row meanwhile");
        assertEquals(Optional.empty(), tryLockRowFromAnotherSession(id), "the commit released the row");
    }

    @Test
    void find_for_update_that_waited_for_a_party_edit_reads_the_party_as_that_edit_left_it() throws Exception {
        var store = newStoreSetup();
        var id = newBooking(store);
        bookings().addClient(store.storeId(), id, store.clientIds().get(0));

        try (var editor = db.database().connect()) {
            editor.setAutoCommit(false);
            execute(editor, "SELECT id FROM booking WHERE id = " + id + " FOR UPDATE");
            execute(editor, "INSERT INTO booking_client (store_id, booking_id, client_id) VALUES ("
                    + store.storeId() + ", " + id + ", " + store.clientIds().get(1) + ")");
            var reader = Executors.newSingleThreadExecutor();
            try {
                var read = reader.submit(() -> db.persistence().transactions().inTransaction(() ->
                        bookings().findForUpdate(store.storeId(), id).orElseThrow()));
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
    private static Optional<String> tryLockRowFromAnotherSession(BookingId bookingId) {
        try (var connection = db.database().connect();
                var statement = connection.prepareStatement("SELECT id FROM booking WHERE id = ? FOR UPDATE NOWAIT")) {
            statement.setLong(1, bookingId.value());
            statement.executeQuery().close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getSQLState());
        }
    }
}
