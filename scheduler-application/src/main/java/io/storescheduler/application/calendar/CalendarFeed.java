package io.storescheduler.application.calendar;

import io.storescheduler.domain.store.Store;
import java.time.Instant;
import java.util.List;

/**
 * What a calendar feed shows: the store (its zone), whose calendar it is and that owner's name,
 * and its bookings in {@code [from, to)} by start, at most {@link CalendarService#MAX_ENTRIES}.
 */
public record CalendarFeed(Store store, CalendarOwner owner, String ownerName, Instant from, Instant to,
        List<CalendarEntry> entries) {

    public CalendarFeed {
        entries = List.copyOf(entries);
    }
}
