package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link SlotRepository} on a map of slot rows, one per store and start, reading which bookings
 * point at a slot from the booking fake, as the jOOQ adapter reads the booking table. As there, a
 * second slot at a start is a {@code slot_exists} conflict, a slot bookings point at cannot be
 * deleted, and a write naming a slot the store does not have changes nothing.
 * {@link SlotRepositoryContract} holds it to the jOOQ adapter's behaviour.
 */
final class InMemorySlotRepository implements SlotRepository, Rollbackable<InMemorySlotRepository.Slots> {

    record Row(StoreId storeId, Instant startAt, String note) {}

    /** Every slot by its id, as a value. */
    record Slots(Map<SlotId, Row> rows, long lastId) {

        Slots {
            rows = Map.copyOf(rows);
        }
    }

    private final InMemoryBookingRepository bookings;
    private final Map<SlotId, Row> rows = new HashMap<>();
    private long lastId;

    InMemorySlotRepository(InMemoryBookingRepository bookings) {
        this.bookings = bookings;
    }

    @Override
    public SlotId upsert(StoreId storeId, Instant startAt) {
        return slotAt(storeId, startAt).orElseGet(() -> add(new Row(storeId, startAt, null)));
    }

    /** The id of the store's slot starting at {@code startAt}, if there is one. */
    Optional<SlotId> slotAt(StoreId storeId, Instant startAt) {
        return rows.entrySet().stream()
                .filter(entry -> entry.getValue().storeId().equals(storeId) && entry.getValue().startAt().equals(startAt))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public Slot insert(StoreId storeId, Instant startAt, String note) {
        refuseTaken(storeId, startAt, null);
        return find(storeId, add(new Row(storeId, startAt, note))).orElseThrow();
    }

    @Override
    public Optional<Slot> find(StoreId storeId, SlotId slotId) {
        return row(storeId, slotId).map(row -> slot(slotId, row));
    }

    @Override
    public Page<Slot> list(StoreId storeId, Instant from, Instant to, PageRequest page) {
        var matching = rows.entrySet().stream()
                .filter(entry -> entry.getValue().storeId().equals(storeId))
                .filter(entry -> from == null || !entry.getValue().startAt().isBefore(from))
                .filter(entry -> to == null || entry.getValue().startAt().isBefore(to))
                .map(entry -> slot(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Slot::startAt).thenComparing(Slot::id))
                .toList();
        return Page.of(matching, page);
    }

    @Override
    public void update(StoreId storeId, SlotId slotId, Instant startAt, String note) {
        if (row(storeId, slotId).isPresent()) {
            refuseTaken(storeId, startAt, slotId);
            rows.put(slotId, new Row(storeId, startAt, note));
        }
    }

    @Override
    public boolean holdsBookingsNotCancelled(StoreId storeId, SlotId slotId) {
        return bookingsIn(storeId, slotId).anyMatch(booking -> booking.status() != BookingStatus.CANCELLED);
    }

    @Override
    public void releaseCancelledBookings(StoreId storeId, SlotId slotId, Instant now) {
        bookingsIn(storeId, slotId).filter(booking -> booking.status() == BookingStatus.CANCELLED).toList()
                .forEach(booking -> bookings.update(BookingCopies.withStatus(booking, booking.status(), null), now));
    }

    /** A slot bookings point at stays, as the booking's foreign key to it would have it. */
    @Override
    public void delete(StoreId storeId, SlotId slotId) {
        if (bookingsIn(storeId, slotId).findAny().isPresent()) {
            throw new IllegalStateException("bookings point at slot " + slotId);
        }
        row(storeId, slotId).ifPresent(row -> rows.remove(slotId));
    }

    @Override
    public Slots snapshot() {
        return new Slots(rows, lastId);
    }

    @Override
    public void restore(Slots slots) {
        rows.clear();
        rows.putAll(slots.rows());
        lastId = slots.lastId();
    }

    private SlotId add(Row row) {
        var slotId = new SlotId(++lastId);
        rows.put(slotId, row);
        return slotId;
    }

    private Optional<Row> row(StoreId storeId, SlotId slotId) {
        return Optional.ofNullable(rows.get(slotId)).filter(row -> row.storeId().equals(storeId));
    }

    private void refuseTaken(StoreId storeId, Instant startAt, SlotId slotId) {
        if (slotAt(storeId, startAt).filter(id -> !id.equals(slotId)).isPresent()) {
            throw UseCaseFailure.conflict("slot_exists", "this store has a slot at that start already");
        }
    }

    private Slot slot(SlotId slotId, Row row) {
        return new Slot(slotId, row.storeId(), row.startAt(), row.note(), bookingsIn(row.storeId(), slotId).map(Booking::id).sorted().toList());
    }

    private Stream<Booking> bookingsIn(StoreId storeId, SlotId slotId) {
        return bookings.inStore(storeId).filter(booking -> slotId.equals(booking.slotId()));
    }
}
