package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@link SlotRepository} the booking services use: one slot per store and start,
 * taken or created by {@link #upsert}. Managing slots directly is the slot feature's business.
 */
final class InMemorySlotRepository implements SlotRepository, Rollbackable<InMemorySlotRepository.Slots> {

    record Start(long storeId, Instant startAt) {}

    /** Every slot's id by its start, as a value. */
    record Slots(Map<Start, Long> ids, long lastId) {

        Slots {
            ids = Map.copyOf(ids);
        }
    }

    private final Map<Start, Long> ids = new HashMap<>();
    private long lastId;

    @Override
    public long upsert(long storeId, Instant startAt) {
        return ids.computeIfAbsent(new Start(storeId, startAt), start -> ++lastId);
    }

    /** The id of the store's slot starting at {@code startAt}, if there is one. */
    Optional<Long> slotAt(long storeId, Instant startAt) {
        return Optional.ofNullable(ids.get(new Start(storeId, startAt)));
    }

    @Override
    public Slot insert(long storeId, Instant startAt, String note) {
        throw notUsed();
    }

    @Override
    public Optional<Slot> find(long storeId, long slotId) {
        throw notUsed();
    }

    @Override
    public Page<Slot> list(long storeId, Instant from, Instant to, PageRequest page) {
        throw notUsed();
    }

    @Override
    public void update(long storeId, long slotId, Instant startAt, String note) {
        throw notUsed();
    }

    @Override
    public boolean holdsBookingsNotCancelled(long storeId, long slotId) {
        throw notUsed();
    }

    @Override
    public void releaseCancelledBookings(long storeId, long slotId, Instant now) {
        throw notUsed();
    }

    @Override
    public void delete(long storeId, long slotId) {
        throw notUsed();
    }

    @Override
    public Slots snapshot() {
        return new Slots(ids, lastId);
    }

    @Override
    public void restore(Slots slots) {
        ids.clear();
        ids.putAll(slots.ids());
        lastId = slots.lastId();
    }

    private static UnsupportedOperationException notUsed() {
        return new UnsupportedOperationException("the booking services only upsert slots; the slot feature manages them");
    }
}
