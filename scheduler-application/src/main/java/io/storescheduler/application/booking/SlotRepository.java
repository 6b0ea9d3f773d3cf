package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's start times: one slot per {@code (store, start_at)}, shared by every booking starting
 * then. The booking flow takes the slot of a start as it schedules; the desk also manages slots
 * directly (the {@code slot} feature), so the whole slot table is served here.
 */
public interface SlotRepository {

    /** A slot with the ids of every booking that points at it, cancelled ones included, by id. */
    record Slot(long id, long storeId, Instant startAt, String note, List<Long> bookingIds) {

        public Slot {
            bookingIds = List.copyOf(bookingIds);
        }
    }

    /** The slot starting at {@code startAt}, created if there is none yet; answers its id. */
    long upsert(long storeId, Instant startAt);

    /** A new slot; a conflict when the store has a slot at {@code startAt} already. */
    Slot insert(long storeId, Instant startAt, String note);

    Optional<Slot> find(long storeId, long slotId);

    /** The store's slots starting in {@code [from, to)} (a null bound is open), by start. */
    Page<Slot> list(long storeId, Instant from, Instant to, PageRequest page);

    /** Writes the slot's start and note; a conflict when another slot of the store starts then. */
    void update(long storeId, long slotId, Instant startAt, String note);

    /** Whether a booking that is not cancelled points at the slot. */
    boolean holdsBookingsNotCancelled(long storeId, long slotId);

    /** Cancelled bookings let go of the slot (their {@code slot_id} becomes null, their version grows). */
    void releaseCancelledBookings(long storeId, long slotId, Instant now);

    void delete(long storeId, long slotId);
}
