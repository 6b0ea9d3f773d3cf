package io.storescheduler.application.booking;

import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.SlotId;
import java.time.Instant;
import java.util.Set;

/**
 * Which of a store's bookings a list shows: those in any of {@code statuses} (every status when it
 * is empty), starting in {@code [from, to)}, in the room, slot or with the client given; a null
 * bound or id does not filter.
 */
public record BookingFilter(Set<BookingStatus> statuses, Instant from, Instant to, RoomId roomId, SlotId slotId, ClientId clientId) {

    public BookingFilter {
        statuses = Set.copyOf(statuses);
    }

    public static BookingFilter all() {
        return new BookingFilter(Set.of(), null, null, null, null, null);
    }
}
