package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.SlotRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JooqSlotRepositoryTest {

    private static final Instant START = Instant.parse("2026-12-05T06:00:00Z");
    private static final int THREADS = 8;
    private static final int ROUNDS = 25;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static PersistenceUnderTest db;
    private static SlotRepository slots;

    @BeforeAll
    static void startDatabase() {
        db = PersistenceUnderTest.start();
        slots = db.persistence().slots();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

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

    /** The ids two racing upserts answered; the first one's transaction ended after the second had to wait for it. */
    record RaceOutcome(long firstId, long secondId) {}

    private static RaceOutcome raceAgainstUncommittedInsert(long storeId, boolean firstRollsBack) throws Exception {
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
