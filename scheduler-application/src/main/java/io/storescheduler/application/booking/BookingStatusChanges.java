package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.Transition;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one way a booking's status changes outside confirm: under the store's schedule lock (the
 * change frees a room and DMs, so it must not interleave with a confirm choosing rooms), at the
 * version the caller expects, along a transition the lifecycle allows.
 */
final class BookingStatusChanges {

    private final BookingPorts ports;
    private final BookingViews views;

    BookingStatusChanges(BookingPorts ports) {
        this.ports = ports;
        this.views = new BookingViews(ports.bookings(), ports.conflicts());
    }

    StatusChange apply(long storeId, long bookingId, OptionalLong expectedVersion,
            Function<BookingStatus, Transition> transition) {
        return ports.transactions().inTransaction(() -> {
            ports.scheduleLock().lock(storeId);
            var booking = views.lockForChange(storeId, bookingId, expectedVersion);
            return switch (transition.apply(booking.status())) {
                case Transition.Allowed allowed -> {
                    ports.bookings().update(booking.after(allowed), ports.clock().instant());
                    yield new StatusChange.Changed(
                            ports.events().record(BookingEventType.ofStatusReached(allowed.to()), views.view(storeId, bookingId)));
                }
                case Transition.Refused refused -> new StatusChange.Refused(refused);
            };
        });
    }
}
