package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.BookingId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The bookings one booking is in conflict with, as the API shows them: {@code conflict_count} is
 * {@link #count()}, always exact; {@code conflict_booking_ids} is {@link #bookingIds()}, the
 * smallest {@link #LISTED_IDS} of them, distinct and ascending, so that an answer stays small
 * however crowded a room gets; {@code conflict_booking_ids_truncated} is {@link #truncated()}, true
 * when there are more than those; {@code has_conflict} is {@link #hasConflict()}. Two computations
 * of the same schedule answer the same report.
 */
public record ConflictReport(List<BookingId> bookingIds, int count) {

    /** The most ids a report lists; the count goes on past it. */
    public static final int LISTED_IDS = 100;

    private static final ConflictReport NONE = new ConflictReport(List.of(), 0);

    /**
     * {@code bookingIds} must be the smallest {@code min(count, LISTED_IDS)} of the {@code count}
     * conflicting bookings: anything else is a programming error.
     */
    public ConflictReport {
        var sorted = new TreeSet<>(Objects.requireNonNull(bookingIds, "bookingIds"));
        if (count < 0 || sorted.size() != Math.min(count, LISTED_IDS)) {
            throw new IllegalArgumentException("a report lists the smallest min(count, " + LISTED_IDS + ") of its "
                    + count + " conflicts, not " + sorted.size() + " ids");
        }
        bookingIds = List.copyOf(sorted);
    }

    /** The report of all of {@code conflictingIds}: their exact count, the smallest of them listed. */
    public static ConflictReport of(Collection<BookingId> conflictingIds) {
        var sorted = new TreeSet<>(conflictingIds);
        return new ConflictReport(sorted.stream().limit(LISTED_IDS).toList(), sorted.size());
    }

    public static ConflictReport none() {
        return NONE;
    }

    public boolean hasConflict() {
        return count > 0;
    }

    /** True when the booking has more conflicts than {@link #bookingIds()} lists. */
    public boolean truncated() {
        return count > bookingIds.size();
    }
}
