package io.storescheduler.application.booking;

import java.time.Instant;
import java.util.List;

/**
 * One booking another is in conflict with, as the desk needs it to settle the clash: when it
 * plays, in which room, and what the two share (the room, and which DMs). It is always scheduled,
 * so its status goes without saying.
 */
public record ConflictingBooking(long bookingId, Instant startAt, Instant endAt, Long roomId, boolean sharesRoom,
        List<Long> sharedDmIds) {

    public ConflictingBooking {
        sharedDmIds = List.copyOf(sharedDmIds);
    }
}
