package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.BookingId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * When two bookings of a store conflict: both {@code scheduled}, and either they share the room and
 * the times they occupy it, {@code [startAt, endAt + turnaround)}, overlap, or they share at least
 * one DM and their games, {@code [startAt, endAt)}, overlap. With no turnaround both are the same
 * interval. The rule is symmetric by construction, which is what lets the API promise "if A lists
 * B, B lists A": two entries sharing a room are judged by the longer of their turnarounds, which
 * are equal whenever both were read with the room.
 * {@link #conflictsOf} applies it to one booking against the rest of its store's schedule.
 */
public final class ConflictRule {

    private ConflictRule() {
    }

    /**
     * Half-open intervals: a game ending at 18:00 and one starting at 18:00 do not overlap. An
     * empty or inverted interval holds no instant, so it overlaps nothing.
     */
    public static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        Objects.requireNonNull(aStart, "aStart");
        Objects.requireNonNull(aEnd, "aEnd");
        Objects.requireNonNull(bStart, "bStart");
        Objects.requireNonNull(bEnd, "bEnd");
        return aStart.isBefore(aEnd) && bStart.isBefore(bEnd) && aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    public static boolean conflict(ScheduleEntry a, ScheduleEntry b) {
        return !a.bookingId().equals(b.bookingId())
                && a.status() == BookingStatus.SCHEDULED
                && b.status() == BookingStatus.SCHEDULED
                && a.hasTime()
                && b.hasTime()
                && (sharesRoomWhileOccupied(a, b) || sharesDmWhilePlaying(a, b));
    }

    /**
     * Do two games in one room, {@code [aStart, aEnd)} and {@code [bStart, bEnd)}, need it at the same
     * time, each occupying it until its reset is done ({@code end + turnaround})? Both are intervals
     * of the same room, so the same turnaround applies to both. An empty game needs no reset.
     */
    public static boolean roomOverlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd, Duration turnaround) {
        return overlaps(aStart, aEnd, aStart, aEnd) && overlaps(bStart, bEnd, bStart, bEnd)
                && overlaps(aStart, aEnd.plus(turnaround), bStart, bEnd.plus(turnaround));
    }

    private static boolean sharesRoomWhileOccupied(ScheduleEntry a, ScheduleEntry b) {
        boolean sameRoom = a.roomId() != null && a.roomId().equals(b.roomId());
        var turnaround = a.roomTurnaround().compareTo(b.roomTurnaround()) >= 0 ? a.roomTurnaround() : b.roomTurnaround();
        return sameRoom && roomOverlaps(a.startAt(), a.endAt(), b.startAt(), b.endAt(), turnaround);
    }

    private static boolean sharesDmWhilePlaying(ScheduleEntry a, ScheduleEntry b) {
        return !Collections.disjoint(a.dmIds(), b.dmIds()) && overlaps(a.startAt(), a.endAt(), b.startAt(), b.endAt());
    }

    /**
     * The bookings among {@code others} that {@code subject} conflicts with. An incomplete subject
     * is judged as if it were already scheduled, so the desk sees the conflicts confirming it
     * would create; a cancelled or completed one has none.
     */
    public static ConflictReport conflictsOf(ScheduleEntry subject, Collection<ScheduleEntry> others) {
        Objects.requireNonNull(others, "others");
        if (!BookingLifecycle.showsConflicts(subject.status())) {
            return ConflictReport.none();
        }
        ScheduleEntry asScheduled = asScheduled(subject);
        List<BookingId> ids = others.stream()
                .filter(other -> conflict(asScheduled, other))
                .map(ScheduleEntry::bookingId)
                .toList();
        return ConflictReport.of(ids);
    }

    private static ScheduleEntry asScheduled(ScheduleEntry entry) {
        return new ScheduleEntry(entry.bookingId(), BookingStatus.SCHEDULED, entry.startAt(), entry.endAt(), entry.roomId(),
                entry.dmIds(), entry.roomTurnaround());
    }
}
