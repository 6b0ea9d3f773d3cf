package io.storescheduler.application.booking;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import java.time.Instant;
import java.util.List;

/**
 * One booking another is in conflict with, as the desk needs it to settle the clash: when it
 * plays, in which room, and what the two share (the room, and which DMs). It is always scheduled,
 * so its status goes without saying.
 */
public record ConflictingBooking(BookingId bookingId, Instant startAt, Instant endAt, RoomId roomId, boolean sharesRoom,
        List<DmId> sharedDmIds) {

    public ConflictingBooking {
        sharedDmIds = List.copyOf(sharedDmIds);
    }
}
