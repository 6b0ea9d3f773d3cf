package io.storescheduler.application.booking;

import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.Transition;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a booking's status changes outside confirm: under the store's schedule lock (the
 * change frees a room and DMs, so it must not interleave with a confirm choosing rooms), at the
 * version the caller expects, along a transition the lifecycle allows.
 */
public final class BookingStatusChanges {

    private final BookingRepository bookings;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final BookingEvents events;

    public BookingStatusChanges(BookingRepository bookings, BookingViews views, StoreScheduleLock scheduleLock,
            TransactionRunner transactions, Clock clock, BookingEvents events) {
        this.bookings = bookings;
        this.views = views;
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    StatusChange apply(long storeId, long bookingId, OptionalLong expectedVersion,
            Function<BookingStatus, Transition> transition) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(storeId);
            var booking = views.lockForChange(storeId, bookingId, expectedVersion);
            return switch (transition.apply(booking.status())) {
                case Transition.Allowed allowed -> {
                    bookings.update(booking.after(allowed), clock.instant());
                    yield new StatusChange.Changed(
                            events.record(BookingEventType.ofStatusReached(allowed.to()), views.view(storeId, bookingId)));
                }
                case Transition.Refused refused -> new StatusChange.Refused(refused);
            };
        });
    }
}
