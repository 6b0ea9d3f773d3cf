package io.storescheduler.adapter.jooq.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.EventOutboxContract;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox contract on the real PostgreSQL, and what only the database does: numbers in commit
 * order while transactions race, one store's writers never waiting for another's, and the booking
 * kept as {@code jsonb}. The latches' timeouts only keep
 * a broken lock from hanging the test; nothing here measures time.
 */
class JooqEventOutboxTest extends EventOutboxContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Override
    protected EventOutbox outbox() {
        return db.persistence().events();
    }

    @Override
    protected TransactionRunner transactions() {
        return db.persistence().transactions();
    }

    @Override
    protected StoreId newStoreId() {
        return db.newStore().id();
    }

    @Test
    void the_booking_is_kept_as_jsonb() {
        var storeId = newStoreId();
        appendCommitted(event(storeId, new BookingId(3)));

        assertEquals("{\"id\": 3}", outbox().after(storeId, 0, 1).getFirst().booking());
    }

    @Test
    void an_event_appended_behind_an_uncommitted_one_waits_for_its_commit_and_is_numbered_after_it() throws Exception {
        var storeId = db.newStore().id();
        var firstAppended = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        Future<?> first = executor.submit(() -> transactions().inTransaction(() -> {
            outbox().append(event(storeId, new BookingId(1)));
            firstAppended.countDown();
            await(commitFirst);
            return null;
        }));
        await(firstAppended);

        Future<?> second = executor.submit(() -> transactions().inTransaction(() -> {
            outbox().append(event(storeId, new BookingId(2)));
            return null;
        }));
        db.awaitSessionWaitingForLock("transactionid", PATIENCE);
        var whileFirstIsOpen = outbox().after(storeId, 0, 10);
        commitFirst.countDown();
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(), whileFirstIsOpen, "a reader sees neither before the first commits");
        var read = outbox().after(storeId, 0, 10);
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(new BookingId(1), new BookingId(2)), read.stream().map(StoredEvent::bookingId).toList(), "numbered in commit order");
    }

    @Test
    void a_store_appending_does_not_wait_for_another_stores_open_append() throws Exception {
        var storeId = db.newStore().id();
        var otherId = db.newStore().id();
        var firstAppended = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        Future<?> first = executor.submit(() -> transactions().inTransaction(() -> {
            outbox().append(event(storeId, new BookingId(1)));
            firstAppended.countDown();
            await(commitFirst);
            return null;
        }));
        await(firstAppended);

        executor.submit(() -> transactions().inTransaction(() -> {
            outbox().append(event(otherId, new BookingId(7)));
            return null;
        })).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        var otherRead = outbox().after(otherId, 0, 10);
        commitFirst.countDown();
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(new BookingId(7)), otherRead.stream().map(StoredEvent::bookingId).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
