package io.storescheduler.application.booking;

import io.storescheduler.domain.booking.Booking;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The one way a booking's party and matches change: in one transaction, the booking locked at the
 * version the caller expects, the change applied, the version bumped, and the booking read back
 * with its conflicts. Changes that touch what conflicts are made of (DMs) first take the store's
 * schedule lock, so they cannot interleave with a confirm choosing rooms.
 */
final class BookingEdits {

    private final BookingPorts ports;
    private final BookingViews views;

    BookingEdits(BookingPorts ports) {
        this.ports = ports;
        this.views = new BookingViews(ports.bookings(), ports.conflicts());
    }

    BookingView edit(long storeId, long bookingId, OptionalLong expectedVersion, Consumer<Booking> change) {
        return ports.transactions().inTransaction(() -> apply(storeId, bookingId, expectedVersion, change));
    }

    BookingView editUnderScheduleLock(long storeId, long bookingId, OptionalLong expectedVersion, Consumer<Booking> change) {
        return ports.transactions().inTransaction(() -> {
            ports.scheduleLock().lock(storeId);
            return apply(storeId, bookingId, expectedVersion, change);
        });
    }

    private BookingView apply(long storeId, long bookingId, OptionalLong expectedVersion, Consumer<Booking> change) {
        var booking = views.lockForChange(storeId, bookingId, expectedVersion);
        change.accept(booking);
        ports.bookings().update(booking, ports.clock().instant());
        return views.view(storeId, bookingId);
    }
}
