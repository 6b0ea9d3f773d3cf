package io.storescheduler.domain.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * When two bookings of a store conflict: both {@code scheduled}, their half-open times
 * {@code [startAt, endAt)} overlap, and they share the room or at least one DM. The rule is
 * symmetric by construction, which is what lets the API promise "if A lists B, B lists A".
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
        return a.bookingId() != b.bookingId()
                && a.status() == BookingStatus.SCHEDULED
                && b.status() == BookingStatus.SCHEDULED
                && a.hasTime()
                && b.hasTime()
                && overlaps(a.startAt(), a.endAt(), b.startAt(), b.endAt())
                && sharesRoomOrDm(a, b);
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
        List<Long> ids = others.stream()
                .filter(other -> conflict(asScheduled, other))
                .map(ScheduleEntry::bookingId)
                .toList();
        return ConflictReport.of(ids);
    }

    private static boolean sharesRoomOrDm(ScheduleEntry a, ScheduleEntry b) {
        boolean sameRoom = a.roomId() != null && a.roomId().equals(b.roomId());
        return sameRoom || !Collections.disjoint(a.dmIds(), b.dmIds());
    }

    private static ScheduleEntry asScheduled(ScheduleEntry entry) {
        return new ScheduleEntry(
                entry.bookingId(), BookingStatus.SCHEDULED, entry.startAt(), entry.endAt(), entry.roomId(), entry.dmIds());
    }
}
