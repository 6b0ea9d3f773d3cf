package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingStatus;
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

    record Row(long storeId, Instant startAt, String note) {}

    /** Every slot by its id, as a value. */
    record Slots(Map<Long, Row> rows, long lastId) {

        Slots {
            rows = Map.copyOf(rows);
        }
    }

    private final InMemoryBookingRepository bookings;
    private final Map<Long, Row> rows = new HashMap<>();
    private long lastId;

    InMemorySlotRepository(InMemoryBookingRepository bookings) {
        this.bookings = bookings;
    }

    @Override
    public long upsert(long storeId, Instant startAt) {
        return slotAt(storeId, startAt).orElseGet(() -> add(new Row(storeId, startAt, null)));
    }

    /** The id of the store's slot starting at {@code startAt}, if there is one. */
    Optional<Long> slotAt(long storeId, Instant startAt) {
        return rows.entrySet().stream()
                .filter(entry -> entry.getValue().storeId() == storeId && entry.getValue().startAt().equals(startAt))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public Slot insert(long storeId, Instant startAt, String note) {
        refuseTaken(storeId, startAt, 0);
        return find(storeId, add(new Row(storeId, startAt, note))).orElseThrow();
    }

    @Override
    public Optional<Slot> find(long storeId, long slotId) {
        return row(storeId, slotId).map(row -> slot(slotId, row));
    }

    @Override
    public Page<Slot> list(long storeId, Instant from, Instant to, PageRequest page) {
        var matching = rows.entrySet().stream()
                .filter(entry -> entry.getValue().storeId() == storeId)
                .filter(entry -> from == null || !entry.getValue().startAt().isBefore(from))
                .filter(entry -> to == null || entry.getValue().startAt().isBefore(to))
                .map(entry -> slot(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Slot::startAt).thenComparingLong(Slot::id))
                .toList();
        return Page.of(matching, page);
    }

    @Override
    public void update(long storeId, long slotId, Instant startAt, String note) {
        if (row(storeId, slotId).isPresent()) {
            refuseTaken(storeId, startAt, slotId);
            rows.put(slotId, new Row(storeId, startAt, note));
        }
    }

    @Override
    public boolean holdsBookingsNotCancelled(long storeId, long slotId) {
        return bookingsIn(storeId, slotId).anyMatch(booking -> booking.status() != BookingStatus.CANCELLED);
    }

    @Override
    public void releaseCancelledBookings(long storeId, long slotId, Instant now) {
        bookingsIn(storeId, slotId).filter(booking -> booking.status() == BookingStatus.CANCELLED).toList()
                .forEach(booking -> bookings.update(BookingCopies.withStatus(booking, booking.status(), null), now));
    }

    /** A slot bookings point at stays, as the booking's foreign key to it would have it. */
    @Override
    public void delete(long storeId, long slotId) {
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

    private long add(Row row) {
        rows.put(++lastId, row);
        return lastId;
    }

    private Optional<Row> row(long storeId, long slotId) {
        return Optional.ofNullable(rows.get(slotId)).filter(row -> row.storeId() == storeId);
    }

    private void refuseTaken(long storeId, Instant startAt, long slotId) {
        if (slotAt(storeId, startAt).filter(id -> id != slotId).isPresent()) {
            throw UseCaseFailure.conflict("slot_exists", "this store has a slot at that start already");
        }
    }

    private Slot slot(long slotId, Row row) {
        return new Slot(slotId, row.storeId(), row.startAt(), row.note(), bookingsIn(row.storeId(), slotId).map(Booking::id).sorted().toList());
    }

    private Stream<Booking> bookingsIn(long storeId, long slotId) {
        return bookings.inStore(storeId).filter(booking -> booking.slotId() != null && booking.slotId() == slotId);
    }
}
