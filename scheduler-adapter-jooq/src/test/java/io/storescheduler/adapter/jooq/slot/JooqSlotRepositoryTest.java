package io.storescheduler.adapter.jooq.slot;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.SlotRepository.Slot;
import io.storescheduler.application.booking.SlotRepository;
import io.storescheduler.application.catalogue.CatalogueRepository.NewCharacter;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.application.shared.UseCaseFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqSlotRepositoryTest {

    private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");
    private static final int THREADS = 8;
    private static final int ROUNDS = 25;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final SlotRepository slots = db.persistence().slots();

    @Test
    void slot_upsert_returns_the_same_slot_for_the_same_start() {
        var storeId = db.newStore().id();

        var first = slots.upsert(storeId, START);

        assertEquals(first, slots.upsert(storeId, START));
        assertEquals(1, slotRows(storeId, START));
    }

    @Test
    void slot_upsert_makes_a_new_slot_for_another_start() {
        var storeId = db.newStore().id();

        assertNotEquals(slots.upsert(storeId, START), slots.upsert(storeId, START.plusSeconds(1)));
    }

    @Test
    void stores_never_share_a_slot() {
        var storeId = db.newStore().id();
        var otherId = db.newStore().id();

        assertNotEquals(slots.upsert(storeId, START), slots.upsert(otherId, START));
        assertEquals(1, slotRows(storeId, START));
        assertEquals(1, slotRows(otherId, START));
    }

    @Test
    void slot_upsert_inside_a_transaction_finds_the_slot_it_made_earlier_in_it() {
        var storeId = db.newStore().id();

        var ids = db.persistence().transactions().inTransaction(
                () -> List.of(slots.upsert(storeId, START), slots.upsert(storeId, START)));

        assertEquals(ids.get(0), ids.get(1));
        assertEquals(ids.get(0), slots.upsert(storeId, START));
    }

    /**
     * The hard interleaving, forced: the second upsert arrives while the first one's insert is not
     * committed yet, so it must wait for it and then answer the slot the first one made.
     */
    @Test
    void an_upsert_racing_an_uncommitted_insert_waits_for_it_and_answers_its_slot() throws Exception {
        var storeId = db.newStore().id();
        var outcome = raceAgainstUncommittedInsert(storeId, false);

        assertEquals(outcome.firstId(), outcome.secondId());
        assertEquals(1, slotRows(storeId, START));
    }

    @Test
    void an_upsert_racing_an_insert_that_rolls_back_makes_the_slot_itself() throws Exception {
        var storeId = db.newStore().id();
        var outcome = raceAgainstUncommittedInsert(storeId, true);

        assertNotEquals(outcome.firstId(), outcome.secondId());
        assertEquals(1, slotRows(storeId, START));
        assertEquals(outcome.secondId(), slots.upsert(storeId, START));
    }

    /** Every round lets all threads go at once at a new start time, each in its own transaction. */
    @Test
    void concurrent_upserts_of_one_start_all_answer_the_one_slot_they_made()
            throws InterruptedException, ExecutionException, TimeoutException {
        var storeId = db.newStore().id();
        var barrier = new CyclicBarrier(THREADS);
        var transactions = db.persistence().transactions();
        try (var executor = Executors.newFixedThreadPool(THREADS)) {
            for (var round = 0; round < ROUNDS; round++) {
                var start = START.plus(Duration.ofMinutes(15L * round));
                var answers = new ArrayList<Future<Long>>();
                for (var thread = 0; thread < THREADS; thread++) {
                    answers.add(executor.submit(() -> {
                        barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                        return transactions.inTransaction(() -> slots.upsert(storeId, start));
                    }));
                }
                var ids = new HashSet<Long>();
                for (var answer : answers) {
                    ids.add(answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
                }
                assertEquals(1, ids.size(), "round " + round + ": every thread got the same slot");
                assertEquals(1, slotRows(storeId, start), "round " + round + ": exactly one row");
            }
        }
        assertEquals(ROUNDS, db.persistence().dsl().fetchCount(SLOT, SLOT.STORE_ID.eq(storeId)));
    }

    @Test
    void a_slot_reads_back_with_its_note_and_a_second_one_at_its_start_is_a_conflict() {
        var storeId = db.newStore().id();

        var slot = slots.insert(storeId, START, "matinee");

        assertEquals(Optional.of(new Slot(slot.id(), storeId, START, "matinee", List.of())), slots.find(storeId, slot.id()));
        assertEquals(slot.id(), slots.upsert(storeId, START));
        var failure = assertThrows(UseCaseFailure.class,
                () -> db.persistence().transactions().inTransaction(() -> slots.insert(storeId, START, null)));
        assertEquals("slot_exists", failure.code());
        var moving = slots.insert(storeId, START.plusSeconds(60), null);
        var moveFailure = assertThrows(UseCaseFailure.class, () -> db.persistence().transactions().inTransaction(() -> {
            slots.update(storeId, moving.id(), START, null);
            return null;
        }));
        assertEquals("slot_exists", moveFailure.code());
        assertEquals(Optional.empty(), slots.find(db.newStore().id(), slot.id()));
    }

    @Test
    void slots_are_listed_by_start_within_the_window() {
        var storeId = db.newStore().id();
        var later = slots.insert(storeId, START.plusSeconds(7200), null);
        var first = slots.insert(storeId, START, null);
        var middle = slots.insert(storeId, START.plusSeconds(3600), null);

        assertEquals(List.of(first, middle, later), slots.list(storeId, null, null, PageRequest.first()).items());
        var window = slots.list(storeId, START.plusSeconds(1), START.plusSeconds(7200), PageRequest.first());
        assertEquals(List.of(middle), window.items());
        assertEquals(1, window.total());
    }

    @Test
    void a_slot_knows_its_bookings_and_lets_go_of_the_cancelled_ones_only() {
        var store = db.newStore().id();
        var slotId = slots.upsert(store, START);
        var bookings = db.persistence().bookings();
        var cancelled = bookingInSlot(store, slotId, "cancelled");
        assertFalse(slots.holdsBookingsNotCancelled(store, slotId));
        var completed = bookingInSlot(store, slotId, "completed");

        assertTrue(slots.holdsBookingsNotCancelled(store, slotId));
        assertEquals(List.of(cancelled, completed), slots.find(store, slotId).orElseThrow().bookingIds());
        var versionBefore = bookings.find(store, cancelled).orElseThrow().version();
        slots.releaseCancelledBookings(store, slotId, START);

        assertEquals(List.of(completed), slots.find(store, slotId).orElseThrow().bookingIds());
        var released = bookings.find(store, cancelled).orElseThrow();
        assertNull(released.slotId());
        assertEquals(versionBefore + 1, released.version());
    }

    private long bookingInSlot(long storeId, long slotId, String status) {
        var dsl = db.persistence().dsl();
        var scriptId = db.persistence().catalogue().insertScript(storeId, "script", 120,
                List.of(new NewCharacter("detective", false))).id();
        return dsl.insertInto(BOOKING, BOOKING.STORE_ID, BOOKING.SCRIPT_ID, BOOKING.SLOT_ID, BOOKING.STATUS, BOOKING.START_AT, BOOKING.END_AT)
                .values(storeId, scriptId, slotId, status, START, START.plusSeconds(7200))
                .returning(BOOKING.ID)
                .fetchSingle(BOOKING.ID);
    }

    /** The ids two racing upserts answered; the first one's transaction ended after the second had to wait for it. */
    record RaceOutcome(long firstId, long secondId) {}

    private RaceOutcome raceAgainstUncommittedInsert(long storeId, boolean firstRollsBack) throws Exception {
        var transactions = db.persistence().transactions();
        var firstInserted = new CountDownLatch(1);
        var secondWaits = new CountDownLatch(1);
        var firstId = new AtomicLong();
        try (var executor = Executors.newFixedThreadPool(2)) {
            var first = executor.submit(() -> {
                try {
                    transactions.inTransaction(() -> {
                        firstId.set(slots.upsert(storeId, START));
                        firstInserted.countDown();
                        awaitLatch(secondWaits);
                        if (firstRollsBack) {
                            throw new IllegalStateException("the first use case fails");
                        }
                        return null;
                    });
                } catch (IllegalStateException expected) {
                    // rolled back, as asked
                }
                return null;
            });
            awaitLatch(firstInserted);
            var second = executor.submit(() -> transactions.inTransaction(() -> slots.upsert(storeId, START)));
            try {
                db.awaitSessionWaitingForLock("transactionid", PATIENCE);
            } finally {
                secondWaits.countDown();
            }
            first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return new RaceOutcome(firstId.get(), second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int slotRows(long storeId, Instant start) {
        return db.persistence().dsl().fetchCount(SLOT, SLOT.STORE_ID.eq(storeId), SLOT.START_AT.eq(start));
    }
}
