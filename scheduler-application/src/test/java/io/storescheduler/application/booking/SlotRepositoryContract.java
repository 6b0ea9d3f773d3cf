package io.storescheduler.application.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.booking.BookingRepository.NewBooking;
import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.PortContract;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SlotRepository} does, run on the in-memory fake and on the jOOQ adapter over
 * PostgreSQL. Left out, as only the database has them: upserts racing each other from concurrent
 * transactions; the jOOQ test states those itself.
 */
public abstract class SlotRepositoryContract extends PortContract<BookingPortsUnderTest> {

    protected static final Instant START = Instant.parse("2026-12-05T06:00:00Z");

    protected SlotRepositoryContract(BookingPortsUnderTest ports) {
        super(ports);
    }

    protected final SlotRepository slots() {
        return ports().slots();
    }

    @Test
    void slot_upsert_returns_the_same_slot_for_the_same_start() {
        var storeId = ports().newStoreId();

        var first = slots().upsert(storeId, START);

        assertEquals(first, slots().upsert(storeId, START));
        assertEquals(1, slotCount(storeId));
    }

    @Test
    void slot_upsert_makes_a_new_slot_for_another_start() {
        var storeId = ports().newStoreId();

        assertNotEquals(slots().upsert(storeId, START), slots().upsert(storeId, START.plusSeconds(1)));
    }

    @Test
    void stores_never_share_a_slot() {
        var storeId = ports().newStoreId();
        var otherId = ports().newStoreId();

        assertNotEquals(slots().upsert(storeId, START), slots().upsert(otherId, START));
        assertEquals(1, slotCount(storeId));
        assertEquals(1, slotCount(otherId));
    }

    @Test
    void slot_upsert_inside_a_transaction_finds_the_slot_it_made_earlier_in_it() {
        var storeId = ports().newStoreId();

        var ids = ports().transactions().inTransaction(() -> List.of(slots().upsert(storeId, START), slots().upsert(storeId, START)));

        assertEquals(ids.get(0), ids.get(1));
        assertEquals(ids.get(0), slots().upsert(storeId, START));
    }

    @Test
    void a_slot_reads_back_with_its_note_and_a_second_one_at_its_start_is_a_conflict() {
        var storeId = ports().newStoreId();

        var slot = slots().insert(storeId, START, "matinee");

        assertEquals(Optional.of(new Slot(slot.id(), storeId, START, "matinee", List.of())), slots().find(storeId, slot.id()));
        assertEquals(slot.id(), slots().upsert(storeId, START));
        var failure = assertThrows(UseCaseFailure.class,
                () -> ports().transactions().inTransaction(() -> slots().insert(storeId, START, null)));
        assertEquals("slot_exists", failure.code());
        var moving = slots().insert(storeId, START.plusSeconds(60), null);
        var moveFailure = assertThrows(UseCaseFailure.class, () -> ports().transactions().inTransaction(() -> {
            slots().update(storeId, moving.id(), START, null);
            return null;
        }));
        assertEquals("slot_exists", moveFailure.code());
        assertEquals(Optional.empty(), slots().find(ports().newStoreId(), slot.id()));
    }

    @Test
    void an_update_moves_the_slot_and_rewrites_its_note_and_one_naming_another_store_changes_nothing() {
        var storeId = ports().newStoreId();
        var slot = slots().insert(storeId, START, "matinee");

        slots().update(storeId, slot.id(), START.plusSeconds(3600), null);
        slots().update(ports().newStoreId(), slot.id(), START, "hijacked");

        assertEquals(Optional.of(new Slot(slot.id(), storeId, START.plusSeconds(3600), null, List.of())), slots().find(storeId, slot.id()));
        assertEquals(slot.id(), slots().upsert(storeId, START.plusSeconds(3600)));
    }

    @Test
    void slots_are_listed_by_start_within_the_window() {
        var storeId = ports().newStoreId();
        var later = slots().insert(storeId, START.plusSeconds(7200), null);
        var first = slots().insert(storeId, START, null);
        var middle = slots().insert(storeId, START.plusSeconds(3600), null);
        slots().insert(ports().newStoreId(), START.plusSeconds(3600), null);

        assertEquals(List.of(first, middle, later), slots().list(storeId, null, null, PageRequest.first()).items());
        var window = slots().list(storeId, START.plusSeconds(1), START.plusSeconds(7200), PageRequest.first());
        assertEquals(List.of(middle), window.items());
        assertEquals(1, window.total());
        var page = slots().list(storeId, START, null, new PageRequest(1, 1));
        assertEquals(List.of(middle), page.items());
        assertEquals(3, page.total());
    }

    @Test
    void a_slot_knows_its_bookings_and_lets_go_of_the_cancelled_ones_only() {
        var store = ports().newStoreId();
        var slotId = slots().upsert(store, START);
        var bookings = ports().bookings();
        var cancelled = bookingInSlot(store, slotId, BookingStatus.CANCELLED);
        assertFalse(slots().holdsBookingsNotCancelled(store, slotId));
        var completed = bookingInSlot(store, slotId, BookingStatus.COMPLETED);

        assertTrue(slots().holdsBookingsNotCancelled(store, slotId));
        assertFalse(slots().holdsBookingsNotCancelled(ports().newStoreId(), slotId));
        assertEquals(List.of(cancelled, completed), slots().find(store, slotId).orElseThrow().bookingIds());
        var versionBefore = bookings.find(store, cancelled).orElseThrow().version();
        slots().releaseCancelledBookings(store, slotId, START);

        assertEquals(List.of(completed), slots().find(store, slotId).orElseThrow().bookingIds());
        var released = bookings.find(store, cancelled).orElseThrow();
        assertNull(released.slotId());
        assertEquals(versionBefore + 1, released.version());
        assertEquals(START, released.updatedAt());
    }

    @Test
    void a_deleted_slot_is_gone_and_one_bookings_point_at_stays() {
        var store = ports().newStoreId();
        var empty = slots().upsert(store, START);
        var held = slots().upsert(store, START.plusSeconds(3600));
        bookingInSlot(store, held, BookingStatus.CANCELLED);

        slots().delete(ports().newStoreId(), empty);
        assertTrue(slots().find(store, empty).isPresent(), "a delete naming another store changes nothing");
        slots().delete(store, empty);

        assertEquals(Optional.empty(), slots().find(store, empty));
        assertThrows(ports().integrityViolation(), () -> slots().delete(store, held));
        assertTrue(slots().find(store, held).isPresent());
    }

    private BookingId bookingInSlot(StoreId storeId, SlotId slotId, BookingStatus status) {
        var bookings = ports().bookings();
        var scriptId = ports().catalogue().insertScript(storeId, "script", 120, List.of(new NewCharacter("detective", false))).id();
        var id = bookings.insert(new NewBooking(storeId, START, START.plusSeconds(7200), scriptId, null, null, START)).id();
        bookings.update(BookingCopies.withStatus(bookings.find(storeId, id).orElseThrow(), status, slotId), START);
        return id;
    }

    private long slotCount(StoreId storeId) {
        return slots().list(storeId, null, null, PageRequest.first()).total();
    }
}
