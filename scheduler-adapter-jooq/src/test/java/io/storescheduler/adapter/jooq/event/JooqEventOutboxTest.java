package io.storescheduler.adapter.jooq.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.event.EventOutbox;
import io.storescheduler.application.event.NewEvent;
import io.storescheduler.application.event.StoredEvent;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.event.BookingEventType;
import java.time.Duration;
import java.time.Instant;
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
 * The outbox's numbering against the real PostgreSQL: numbers in commit order, none lost to a
 * rollback, and one store's writers never waiting for another's. The latches' timeouts only keep
 * a broken lock from hanging the test; nothing here measures time.
 */
class JooqEventOutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final TransactionRunner transactions = db.persistence().transactions();
    private final EventOutbox outbox = db.persistence().events();

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void an_event_appended_behind_an_uncommitted_one_waits_for_its_commit_and_is_numbered_after_it() throws Exception {
        var storeId = db.newStore().id();
        var firstAppended = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        Future<?> first = executor.submit(() -> transactions.inTransaction(() -> {
            outbox.append(event(storeId, 1));
            firstAppended.countDown();
            await(commitFirst);
            return null;
        }));
        await(firstAppended);

        Future<?> second = executor.submit(() -> transactions.inTransaction(() -> {
            outbox.append(event(storeId, 2));
            return null;
        }));
        db.awaitSessionWaitingForLock("transactionid", PATIENCE);
        var whileFirstIsOpen = outbox.after(storeId, 0, 10);
        commitFirst.countDown();
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(), whileFirstIsOpen, "a reader sees neither before the first commits");
        var read = outbox.after(storeId, 0, 10);
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::bookingId).toList(), "numbered in commit order");
    }

    @Test
    void a_rolled_back_append_gives_its_number_back() {
        var storeId = db.newStore().id();
        transactions.inTransaction(() -> {
            outbox.append(event(storeId, 1));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            outbox.append(event(storeId, 2));
            throw new IllegalStateException("the change failed after its event");
        }));
        transactions.inTransaction(() -> {
            outbox.append(event(storeId, 3));
            return null;
        });

        var read = outbox.after(storeId, 0, 10);
        assertEquals(List.of(1L, 2L), read.stream().map(StoredEvent::seq).toList());
        assertEquals(List.of(1L, 3L), read.stream().map(StoredEvent::bookingId).toList());
    }

    @Test
    void a_store_appending_does_not_wait_for_another_stores_open_append() throws Exception {
        var storeId = db.newStore().id();
        var otherId = db.newStore().id();
        var firstAppended = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        Future<?> first = executor.submit(() -> transactions.inTransaction(() -> {
            outbox.append(event(storeId, 1));
            firstAppended.countDown();
            await(commitFirst);
            return null;
        }));
        await(firstAppended);

        executor.submit(() -> transactions.inTransaction(() -> {
            outbox.append(event(otherId, 7));
            return null;
        })).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        var otherRead = outbox.after(otherId, 0, 10);
        commitFirst.countDown();
        first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertEquals(List.of(7L), otherRead.stream().map(StoredEvent::bookingId).toList());
    }

    @Test
    void a_page_starts_after_the_number_asked_and_holds_at_most_the_limit() {
        var storeId = db.newStore().id();
        for (long booking = 1; booking <= 5; booking++) {
            var id = booking;
            transactions.inTransaction(() -> {
                outbox.append(event(storeId, id));
                return null;
            });
        }

        var page = outbox.after(storeId, 2, 2);

        assertEquals(List.of(3L, 4L), page.stream().map(StoredEvent::seq).toList());
        assertEquals("{\"id\": 3}", page.getFirst().booking());
        assertEquals(BookingEventType.CHANGED, page.getFirst().type());
        assertEquals(NOW, page.getFirst().occurredAt());
    }

    private static NewEvent event(long storeId, long bookingId) {
        return new NewEvent(storeId, bookingId, BookingEventType.CHANGED, NOW, "{\"id\":" + bookingId + "}");
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
