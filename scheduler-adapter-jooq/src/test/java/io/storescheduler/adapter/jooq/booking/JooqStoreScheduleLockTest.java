package io.storescheduler.adapter.jooq.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.application.shared.StoreScheduleLockContract;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.db.ScheduleLocks;
import io.storescheduler.domain.id.StoreId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schedule lock's contract on PostgreSQL, and what only the database shows: the order of
 * events in racing transactions, and what another session may do while the lock is held. The
 * timeouts are only there so a broken lock fails the test instead of hanging it; nothing here
 * measures how long anything took.
 */
class JooqStoreScheduleLockTest extends StoreScheduleLockContract {

    private static final long SAFETY_TIMEOUT_SECONDS = 30;

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final TransactionRunner transactions = db.persistence().transactions();
    private final StoreScheduleLock scheduleLock = db.persistence().scheduleLock();

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstHoldsLock = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private ExecutorService executor;

    @BeforeEach
    void startThreads() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        releaseFirst.countDown();
        executor.shutdownNow();
    }

    @Test
    void a_second_transaction_locking_the_same_store_waits_until_the_first_commits() throws Exception {
        var storeId = db.newStore().id();
        var first = executor.submit(() -> holdLockUntilReleased(storeId, "first"));
        await(firstHoldsLock);

        var second = executor.submit(() -> lockAndCommit(storeId, "second"));
        awaitSessionWaitingForTheScheduleLock();
        assertFalse(events.contains("second locked"), "the second transaction is still waiting");
        releaseFirst.countDown();
        get(first);
        get(second);

        assertEquals(List.of("first locked", "first commits", "second locked"), events);
    }

    @Test
    void transactions_locking_different_stores_do_not_wait_for_each_other() throws Exception {
        var storeId = db.newStore().id();
        var otherId = db.newStore().id();
        var first = executor.submit(() -> holdLockUntilReleased(storeId, "first"));
        await(firstHoldsLock);

        get(executor.submit(() -> lockAndCommit(otherId, "second")));
        releaseFirst.countDown();
        get(first);

        assertEquals(List.of("first locked", "second locked", "first commits"), events);
    }

    @Test
    void another_session_cannot_take_the_lock_while_its_transaction_runs() {
        var storeId = db.newStore().id();

        var freeWhileHeld = transactions.inTransaction(() -> {
            scheduleLock.lock(storeId);
            return tryLockFromAnotherSession(storeId);
        });

        assertFalse(freeWhileHeld, "another session cannot take the lock while the transaction runs");
        assertTrue(tryLockFromAnotherSession(storeId), "and takes it once the transaction has ended");
    }

    @Test
    void the_held_lock_blocks_neither_inserts_into_the_store_nor_an_update_of_the_store_row() throws Exception {
        var storeId = db.newStore().id();
        var first = executor.submit(() -> holdLockUntilReleased(storeId, "first"));
        await(firstHoldsLock);

        // foreign-key checks of the insert take FOR KEY SHARE on the store row; the update, what PATCH /stores does
        runWithoutWaiting("INSERT INTO room (store_id, name, name_key, capacity) VALUES (" + storeId + ", 'Den', 'den', 4)");
        runWithoutWaiting("UPDATE store SET name = 'Renamed " + storeId + "' WHERE id = " + storeId);
        releaseFirst.countDown();
        get(first);

        assertEquals(List.of("first locked", "first commits"), events);
    }

    JooqStoreScheduleLockTest() {
        super(db);
    }

    private Void holdLockUntilReleased(StoreId storeId, String name) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(storeId);
            events.add(name + " locked");
            firstHoldsLock.countDown();
            await(releaseFirst);
            events.add(name + " commits");
            return null;
        });
    }

    private Void lockAndCommit(StoreId storeId, String name) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(storeId);
            events.add(name + " locked");
            return null;
        });
    }

    /** Takes and at once releases the store's lock in a session of its own; false if someone holds it. */
    private static boolean tryLockFromAnotherSession(StoreId storeId) {
        try (var connection = db.database().connect();
                var statement = connection.prepareStatement(
                        "SELECT store_id FROM store_schedule_lock WHERE store_id = ? FOR NO KEY UPDATE SKIP LOCKED")) {
            statement.setLong(1, storeId.value());
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code sql} in a session of its own, which gives up at once (a 1 ms lock timeout) should it have to wait. */
    private static void runWithoutWaiting(String sql) throws SQLException {
        try (var connection = db.database().connect(); var statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = 1");
            statement.execute(sql);
        }
    }

    private static void awaitSessionWaitingForTheScheduleLock() throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_TIMEOUT_SECONDS);
        try (var connection = db.database().connect()) {
            while (ScheduleLocks.waitingSessions(connection).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no session started waiting for the schedule lock");
                }
                Thread.sleep(5);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
