package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.RoomId;
import java.util.Objects;

/**
 * A room of the store as room choice sees it at confirm time: its size, whether it is in use, and
 * how many scheduled bookings it would put this booking in conflict with (computed by the caller
 * with {@link ConflictRule} for the booking's time and DMs in that room).
 */
public record RoomCandidate(RoomId roomId, String name, int capacity, boolean active, int roomConflictCount) {

    public RoomCandidate {
        Objects.requireNonNull(name, "name");
        if (roomConflictCount < 0) {
            throw new IllegalArgumentException("roomConflictCount must not be negative: " + roomConflictCount);
        }
    }

    public boolean seats(int partySize) {
        return active && capacity >= partySize;
    }
}
