package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
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
    record Slot(SlotId id, StoreId storeId, Instant startAt, String note, List<BookingId> bookingIds) {

        public Slot {
            bookingIds = List.copyOf(bookingIds);
        }
    }

    /** The slot starting at {@code startAt}, created if there is none yet; answers its id. */
    SlotId upsert(StoreId storeId, Instant startAt);

    /** A new slot; a conflict when the store has a slot at {@code startAt} already. */
    Slot insert(StoreId storeId, Instant startAt, String note);

    Optional<Slot> find(StoreId storeId, SlotId slotId);

    /** The store's slots starting in {@code [from, to)} (a null bound is open), by start. */
    Page<Slot> list(StoreId storeId, Instant from, Instant to, PageRequest page);

    /** Writes the slot's start and note; a conflict when another slot of the store starts then. */
    void update(StoreId storeId, SlotId slotId, Instant startAt, String note);

    /** Whether a booking that is not cancelled points at the slot. */
    boolean holdsBookingsNotCancelled(StoreId storeId, SlotId slotId);

    /** Cancelled bookings let go of the slot (their {@code slot_id} becomes null, their version grows). */
    void releaseCancelledBookings(StoreId storeId, SlotId slotId, Instant now);

    void delete(StoreId storeId, SlotId slotId);
}
