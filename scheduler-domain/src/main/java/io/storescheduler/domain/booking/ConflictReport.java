package io.storescheduler.domain.booking;

import java.util.List;
import java.util.TreeSet;

/**
 * The bookings one booking is in conflict with, as the API shows them: {@code
 * conflict_booking_ids} is {@link #bookingIds()}, {@code conflict_count} is {@link #count()} and
 * {@code has_conflict} is {@link #hasConflict()}. The ids are always distinct and sorted
 * ascending, so two computations of the same schedule answer the same list.
 */
public record ConflictReport(List<Long> bookingIds) {

    private static final ConflictReport NONE = new ConflictReport(List.of());

    public ConflictReport {
        bookingIds = List.copyOf(new TreeSet<>(bookingIds));
    }

    public static ConflictReport none() {
        return NONE;
    }

    public boolean hasConflict() {
        return !bookingIds.isEmpty();
    }

    public int count() {
        return bookingIds.size();
    }
}
