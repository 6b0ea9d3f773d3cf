package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.Transition;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a booking's status changes outside confirm: under the store's schedule lock (the
 * change frees a room and DMs, so it must not interleave with a confirm choosing rooms), at the
 * version the caller expects, along a transition the lifecycle allows. A transition it refuses
 * answers a conflict naming the booking's current status.
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

    Outcome<BookingView> apply(long storeId, long bookingId, OptionalLong expectedVersion,
            Function<BookingStatus, Transition> transition) {
        return transactions.attempt(() -> {
            scheduleLock.lock(storeId);
            return views.lockForChange(storeId, bookingId, expectedVersion).flatMap(booking -> switch (transition.apply(booking.status())) {
                case Transition.Allowed allowed -> {
                    bookings.update(booking.after(allowed), clock.instant());
                    yield events.record(BookingEventType.ofStatusReached(allowed.to()), views.view(storeId, bookingId));
                }
                case Transition.Refused refused -> Outcome.refused(refusal(refused));
            });
        });
    }

    /** The refusal as the API has always answered it: a conflict naming the status the booking is in. */
    static Refusal refusal(Transition.Refused refused) {
        return Refusal.conflict("invalid_transition", refused.message(), Map.of("current_status", refused.current().code()));
    }
}
