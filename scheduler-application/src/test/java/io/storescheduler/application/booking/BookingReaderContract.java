package io.storescheduler.application.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BookingReader} does, run on the fakes' reader (the booking fake and the
 * rule-based conflict finder) and on the jOOQ adapter's single statement: the booking as
 * {@link BookingRepository#find} has it, with the conflicts its status shows, scoped to the store.
 * The jOOQ test also holds the statement to the conflict rule on seeded random schedules.
 */
public abstract class BookingReaderContract extends PortContract<BookingPortsUnderTest> {

    private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");

    protected BookingReaderContract(BookingPortsUnderTest ports) {
        super(ports);
    }

    @Test
    void an_open_booking_is_read_with_the_scheduled_bookings_it_conflicts_with() {
        var storeId = ports().newStoreId();
        var roomId = ports().catalogue().insertRoom(storeId, "room", 6, true).id();
        var first = booking(storeId, roomId, START, BookingStatus.SCHEDULED);
        var second = booking(storeId, roomId, START.plusSeconds(3600), BookingStatus.SCHEDULED);
        var incomplete = booking(storeId, roomId, START.plusSeconds(1800), BookingStatus.INCOMPLETE);

        var view = ports().reader().findWithConflicts(storeId, incomplete).orElseThrow();

        assertEquals(ports().bookings().find(storeId, incomplete).orElseThrow(), view.booking());
        assertEquals(ConflictReport.of(List.of(first, second)), view.conflicts());
        assertEquals(ConflictReport.of(List.of(second)), ports().reader().findWithConflicts(storeId, first).orElseThrow().conflicts());
    }

    @Test
    void a_finished_booking_shows_no_conflicts() {
        var storeId = ports().newStoreId();
        var roomId = ports().catalogue().insertRoom(storeId, "room", 6, true).id();
        booking(storeId, roomId, START, BookingStatus.SCHEDULED);
        var completed = booking(storeId, roomId, START, BookingStatus.COMPLETED);
        var cancelled = booking(storeId, roomId, START, BookingStatus.CANCELLED);

        assertEquals(ConflictReport.none(), ports().reader().findWithConflicts(storeId, completed).orElseThrow().conflicts());
        assertEquals(ConflictReport.none(), ports().reader().findWithConflicts(storeId, cancelled).orElseThrow().conflicts());
    }

    @Test
    void a_booking_is_not_read_under_another_stores_id() {
        var storeId = ports().newStoreId();
        var id = booking(storeId, null, START, BookingStatus.INCOMPLETE);

        assertEquals(Optional.empty(), ports().reader().findWithConflicts(ports().newStoreId(), id));
        assertEquals(Optional.empty(), ports().reader().findWithConflicts(storeId, new BookingId(id.value() + 1_000_000)));
    }

    /** A two-hour booking, put into {@code status} directly: the state machine is the services' business. */
    private BookingId booking(StoreId storeId, RoomId roomId, Instant start, BookingStatus status) {
        var bookings = ports().bookings();
        var scriptId = ports().catalogue().insertScript(storeId, "script", 120, List.of(new NewCharacter("detective", false))).id();
        var id = bookings.insert(new NewBooking(storeId, start, start.plusSeconds(7200), scriptId, roomId, null, START)).id();
        if (status != BookingStatus.INCOMPLETE) {
            var slotId = status == BookingStatus.SCHEDULED ? ports().slots().upsert(storeId, start) : null;
            bookings.update(BookingCopies.withStatus(bookings.find(storeId, id).orElseThrow(), status, slotId), START);
        }
        return id;
    }
}
