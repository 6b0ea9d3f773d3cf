package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConflictReport;
import io.storescheduler.domain.booking.ConflictRule;
import io.storescheduler.domain.booking.ScheduleEntry;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link ConflictFinder} as the domain's {@link ConflictRule} over the bookings the in-memory
 * repository holds, each room with the turnaround the catalogue has for it now: it agrees with the
 * rule by construction, where the jOOQ adapter agrees with it through its tests;
 * {@link ConflictFinderContract} holds the two to the same cases. It can also be told the database went away, to fail a use case after its
 * writes and show they are rolled back.
 */
final class RuleConflictFinder implements ConflictFinder {

    private final InMemoryBookingRepository bookings;
    private final CatalogueRepository catalogue;
    private boolean unavailable;

    RuleConflictFinder(InMemoryBookingRepository bookings, CatalogueRepository catalogue) {
        this.bookings = bookings;
        this.catalogue = catalogue;
    }

    @Override
    public ConflictReport conflictsOf(StoreId storeId, ScheduleEntry entry) {
        checkAvailable();
        return ConflictRule.conflictsOf(withTurnaround(storeId, entry), schedule(storeId));
    }

    @Override
    public Map<BookingId, ConflictReport> conflictsOfEach(StoreId storeId, Collection<ScheduleEntry> entries) {
        checkAvailable();
        var schedule = schedule(storeId);
        return entries.stream().collect(Collectors.toMap(ScheduleEntry::bookingId,
                entry -> ConflictRule.conflictsOf(withTurnaround(storeId, entry), schedule), (a, b) -> a));
    }

    @Override
    public Page<ConflictingBooking> conflictingBookings(StoreId storeId, ScheduleEntry entry, PageRequest page) {
        checkAvailable();
        var subject = asScheduled(withTurnaround(storeId, entry));
        var all = schedule(storeId).stream()
                .filter(other -> ConflictRule.conflict(subject, other))
                .sorted(Comparator.comparing(ScheduleEntry::bookingId))
                .map(other -> new ConflictingBooking(other.bookingId(), other.startAt(), other.endAt(), other.roomId(),
                        entry.roomId() != null && Objects.equals(entry.roomId(), other.roomId()),
                        other.dmIds().stream().filter(entry.dmIds()::contains).sorted().toList()))
                .toList();
        return Page.of(all, page);
    }

    /** Per room, the bookings that conflict with one of no DMs in that room: those holding it then. */
    @Override
    public Map<RoomId, Integer> roomConflictCounts(StoreId storeId, BookingId bookingId, Instant startAt, Instant endAt) {
        checkAvailable();
        return schedule(storeId).stream()
                .filter(other -> other.roomId() != null)
                .filter(other -> ConflictRule.conflict(withTurnaround(storeId, inRoom(bookingId, startAt, endAt, other.roomId())), other))
                .collect(Collectors.groupingBy(ScheduleEntry::roomId, Collectors.summingInt(other -> 1)));
    }

    /** Every scheduled booking, which holds all that may overlap any window; as in the jOOQ adapter, without turnarounds. */
    @Override
    public List<ScheduleEntry> scheduledAround(StoreId storeId, Instant from, Instant to) {
        checkAvailable();
        return bookings.inStore(storeId).map(Booking::scheduleEntry).filter(entry -> entry.status() == BookingStatus.SCHEDULED).toList();
    }

    /** From now on, every query fails as an outage does. */
    void becomeUnavailable() {
        unavailable = true;
    }

    private List<ScheduleEntry> schedule(StoreId storeId) {
        return bookings.inStore(storeId).map(booking -> withTurnaround(storeId, booking.scheduleEntry())).toList();
    }

    /** The entry with its room's turnaround as the room has it now, as the jOOQ adapter joins it. */
    private ScheduleEntry withTurnaround(StoreId storeId, ScheduleEntry entry) {
        return entry.roomId() == null ? entry : catalogue.findRoom(storeId, entry.roomId())
                .map(room -> entry.withRoomTurnaround(room.turnaround()))
                .orElse(entry);
    }

    /** As {@link ConflictRule#conflictsOf} judges an incomplete subject: as if it were scheduled. */
    private static ScheduleEntry asScheduled(ScheduleEntry entry) {
        return new ScheduleEntry(entry.bookingId(), BookingStatus.SCHEDULED, entry.startAt(), entry.endAt(), entry.roomId(), entry.dmIds());
    }

    private static ScheduleEntry inRoom(BookingId bookingId, Instant startAt, Instant endAt, RoomId roomId) {
        return new ScheduleEntry(bookingId, BookingStatus.SCHEDULED, startAt, endAt, roomId, Set.of());
    }

    private void checkAvailable() {
        if (unavailable) {
            throw UseCaseFailure.unavailable("the database cannot be reached");
        }
    }
}
