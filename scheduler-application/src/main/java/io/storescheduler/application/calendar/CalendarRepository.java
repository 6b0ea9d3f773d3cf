package io.storescheduler.application.calendar;

import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The calendars' keys, kept as hashes, and the bookings a calendar shows. */
public interface CalendarRepository {

    /** The owner's name, when the owner is a room or a DM of the store. */
    Optional<String> ownerName(StoreId storeId, CalendarOwner owner);

    /**
     * Makes {@code keyHash} the owner's only key, in one statement that waits for any other
     * replacement of the same owner's key, so that of racing replacements the last to commit wins.
     */
    void replaceKey(StoreId storeId, CalendarOwner owner, byte[] keyHash, Instant at);

    /** The hash of the owner's key, when it has one. */
    Optional<byte[]> keyHash(StoreId storeId, CalendarOwner owner);

    /**
     * The owner's scheduled and completed bookings starting in {@code [from, to)}, by start then id,
     * at most {@code limit}.
     */
    List<CalendarEntry> entries(StoreId storeId, CalendarOwner owner, Instant from, Instant to, int limit);
}
