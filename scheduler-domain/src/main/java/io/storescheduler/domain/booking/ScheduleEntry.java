package io.storescheduler.domain.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What conflict detection needs to know of one booking: its status, its time
 * {@code [startAt, endAt)}, its room and its DMs. Times and room may be {@code null} (an
 * incomplete booking without a script has no end, one without a preference has no room); an
 * entry without both times occupies no time and so conflicts with nothing.
 */
public record ScheduleEntry(
        long bookingId, BookingStatus status, Instant startAt, Instant endAt, Long roomId, Set<Long> dmIds) {

    public ScheduleEntry {
        Objects.requireNonNull(status, "status");
        dmIds = Set.copyOf(dmIds);
    }

    public boolean hasTime() {
        return startAt != null && endAt != null;
    }
}
