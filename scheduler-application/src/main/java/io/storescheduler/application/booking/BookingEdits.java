package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a booking's party and matches change: in one transaction, the booking locked at the
 * version the caller expects, the change applied, the version bumped, and the booking read back
 * with its conflicts. A change refused rolls back whatever it did.
 *
 * <p>The locking discipline of every booking write (here, {@link BookingStatusChanges},
 * {@link ConfirmBookingService}, {@link PatchBookingService}): a change to what other bookings'
 * conflicts or room choice are made of (DMs, status, time, room, slots) first takes the store's
 * schedule lock; every change then takes the booking's row lock and reads the booking, its party
 * and matches only once it holds it ({@link BookingRepository#findForUpdate}). Party and
 * client-match edits need the row lock alone: they touch this booking only, and the row lock
 * queues them against a confirm of it. The store's lock always comes before the booking's, so the
 * two never deadlock. Every write ends with its event ({@link io.storescheduler.application.booking.BookingEvents}),
 * whose outbox takes the store's event cursor lock last, held only until the commit.
 */
public record BookingEdits(
        BookingRepository bookings, BookingViews views, StoreScheduleLock scheduleLock,
        TransactionRunner transactions, Clock clock, BookingEvents events) {

    /** Applies {@code change} to the locked booking; the change answers the booking when it is made, or why not. */
    Outcome<BookingView> edit(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, BookingEventType type,
            Function<Booking, Outcome<Booking>> change) {
        return transactions.attempt(() -> apply(storeId, bookingId, expectedVersion, changed -> type, change));
    }

    Outcome<BookingView> editUnderScheduleLock(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, BookingEventType type,
            Function<Booking, Outcome<Booking>> change) {
        return editUnderScheduleLock(storeId, bookingId, expectedVersion, changed -> type, change);
    }

    /** As above, the event's type read off the changed booking (a status change's is the status it reached). */
    Outcome<BookingView> editUnderScheduleLock(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion,
            Function<Booking, BookingEventType> typeOf, Function<Booking, Outcome<Booking>> change) {
        return transactions.attempt(() -> {
            scheduleLock.lock(storeId);
            return apply(storeId, bookingId, expectedVersion, typeOf, change);
        });
    }

    private Outcome<BookingView> apply(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion,
            Function<Booking, BookingEventType> typeOf, Function<Booking, Outcome<Booking>> change) {
        return views.lockForChange(storeId, bookingId, expectedVersion).flatMap(change).flatMap(booking -> {
            bookings.update(booking, clock.instant());
            return events.record(typeOf.apply(booking), views.view(storeId, bookingId));
        });
    }
}
