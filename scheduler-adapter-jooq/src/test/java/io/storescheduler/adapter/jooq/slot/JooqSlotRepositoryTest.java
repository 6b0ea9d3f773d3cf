package io.storescheduler.adapter.jooq.slot;

import static io.storescheduler.adapter.jooq.schema.Tables.SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.booking.SlotRepositoryContract;
import io.storescheduler.domain.id.SlotId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The slot repository contract on PostgreSQL, and what only the database does: upserts racing from concurrent transactions. */
class JooqSlotRepositoryTest extends SlotRepositoryContract {

    private static final int THREADS = 8;
    private static final int ROUNDS = 25;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqSlotRepositoryTest() {
        super(db);
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
        assertEquals(outcome.secondId(), slots().upsert(storeId, START));
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
                var answers = new ArrayList<Future<SlotId>>();
                for (var thread = 0; thread < THREADS; thread++) {
                    answers.add(executor.submit(() -> {
                        barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                        return transactions.inTransaction(() -> slots().upsert(storeId, start));
                    }));
                }
                var ids = new HashSet<SlotId>();
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
    record RaceOutcome(SlotId firstId, SlotId secondId) {}

    private RaceOutcome raceAgainstUncommittedInsert(StoreId storeId, boolean firstRollsBack) throws Exception {
        var transactions = db.persistence().transactions();
        var firstInserted = new CountDownLatch(1);
        var secondWaits = new CountDownLatch(1);
        var firstId = new AtomicReference<SlotId>();
        try (var executor = Executors.newFixedThreadPool(2)) {
            var first = executor.submit(() -> {
                try {
                    transactions.inTransaction(() -> {
                        firstId.set(slots().upsert(storeId, START));
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
            var second = executor.submit(() -> transactions.inTransaction(() -> slots().upsert(storeId, START)));
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

    private static int slotRows(StoreId storeId, Instant start) {
        return db.persistence().dsl().fetchCount(SLOT, SLOT.STORE_ID.eq(storeId), SLOT.START_AT.eq(start));
    }
}
