package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds conflicts in the store's schedule the way {@code ConflictRule} defines them, served by the
 * database's indexes instead of by loading the schedule.
 */
public interface ConflictFinder {

    /**
     * The scheduled bookings that overlap {@code entry} and share its room or one of its DMs: their
     * exact count and the smallest {@link ConflictReport#LISTED_IDS} of their ids.
     */
    ConflictReport conflictsOf(StoreId storeId, ScheduleEntry entry);

    /**
     * A page of all the bookings {@link #conflictsOf} counts, by id, each with what it shares with
     * {@code entry}; the page's total is that exact count.
     */
    Page<ConflictingBooking> conflictingBookings(StoreId storeId, ScheduleEntry entry, PageRequest page);

    /**
     * What {@link #conflictsOf} answers for each of {@code entries}, by booking id, found together
     * (one query for a page of bookings, not one per booking); an entry without conflicts may be absent.
     */
    Map<BookingId, ConflictReport> conflictsOfEach(StoreId storeId, Collection<ScheduleEntry> entries);

    /** For each room that has any, how many scheduled bookings other than {@code bookingId} hold it during {@code [startAt, endAt)}. */
    Map<RoomId, Integer> roomConflictCounts(StoreId storeId, BookingId bookingId, Instant startAt, Instant endAt);

    /**
     * Every scheduled booking that may occupy a room or a DM at some instant of {@code [from, to)},
     * with its room and DMs, in one query: what a search for free times reads, whatever its length.
     */
    List<ScheduleEntry> scheduledAround(StoreId storeId, Instant from, Instant to);
}
