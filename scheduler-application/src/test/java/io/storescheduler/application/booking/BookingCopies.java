package io.storescheduler.application.booking;

import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.SlotId;

/** Copies of a booking with some columns changed, for writing them back through {@code update}. */
public final class BookingCopies {

    private BookingCopies() {}

    /** Tests put a booking into any status directly: the state machine is the services' business. */
    public static Booking withStatus(Booking booking, BookingStatus status, SlotId slotId) {
        return new Booking(booking.id(), booking.storeId(), status, booking.startAt(), booking.endAt(),
                booking.scriptId(), booking.roomId(), slotId, booking.note(), booking.clientIds(),
                booking.clientMatches(), booking.dmMatches(), booking.version(), booking.createdAt(),
                booking.updatedAt());
    }
}
