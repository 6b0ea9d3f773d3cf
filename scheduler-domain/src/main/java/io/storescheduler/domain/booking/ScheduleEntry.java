package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.RoomId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What conflict detection needs to know of one booking: its status, its time
 * {@code [startAt, endAt)}, its room with the room's turnaround, and its DMs. Times and room may be
 * {@code null} (an incomplete booking without a script has no end, one without a preference has no
 * room); an entry without both times occupies no time and so conflicts with nothing. The room is
 * occupied during {@code [startAt, endAt + roomTurnaround)}: the game and the reset after it.
 */
public record ScheduleEntry(
        BookingId bookingId, BookingStatus status, Instant startAt, Instant endAt, RoomId roomId, Set<DmId> dmIds,
        Duration roomTurnaround) {

    public ScheduleEntry {
        Objects.requireNonNull(status, "status");
        dmIds = Set.copyOf(dmIds);
        Objects.requireNonNull(roomTurnaround, "roomTurnaround");
        if (roomTurnaround.isNegative()) {
            throw new IllegalArgumentException("roomTurnaround must not be negative: " + roomTurnaround);
        }
    }

    /** An entry whose room needs no reset after a game (or which has no room). */
    public ScheduleEntry(BookingId bookingId, BookingStatus status, Instant startAt, Instant endAt, RoomId roomId, Set<DmId> dmIds) {
        this(bookingId, status, startAt, endAt, roomId, dmIds, Duration.ZERO);
    }

    public boolean hasTime() {
        return startAt != null && endAt != null;
    }

    /** The same booking, its room needing {@code turnaround} after a game: the room's current setting. */
    public ScheduleEntry withRoomTurnaround(Duration turnaround) {
        return new ScheduleEntry(bookingId, status, startAt, endAt, roomId, dmIds, turnaround);
    }
}
