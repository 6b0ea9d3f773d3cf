package io.storescheduler.adapter.jooq.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.idempotency.IdempotencyKey;
import io.storescheduler.application.idempotency.IdempotencyStore.Expiry;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances forgetting expired keys at once, on one database: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so a cleaner skips the rows another one holds instead of waiting
 * for them, and no row is deleted twice.
 */
class ConcurrentForgetTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofHours(24));
    private static final Expiry EXPIRY = new Expiry(CUTOFF, NOW.minus(Duration.ofMinutes(5)));
    private static final byte[] REQUEST = "request-hash".getBytes(UTF_8);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    @Test
    void two_cleaners_at_once_forget_each_expired_key_once_without_waiting_for_each_other() throws Exception {
        var store = db.persistence().idempotency();
        var transactions = db.persistence().transactions();
        for (int i = 0; i < 100; i++) {
            store.claim(newKey(), REQUEST, CUTOFF.minus(Duration.ofMinutes(i + 1)), EXPIRY);
        }
        for (int i = 0; i < 7; i++) {
            store.claim(newKey(), REQUEST, CUTOFF.plus(Duration.ofMinutes(i)), EXPIRY);
        }
        var firstHoldsItsBatch = new CountDownLatch(1);
        var secondIsDone = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
                var forgotten = store.forget(CUTOFF, 30);
                firstHoldsItsBatch.countDown();
                awaitQuietly(secondIsDone);
                return forgotten;
            }), pool);
            firstHoldsItsBatch.await();

            // were it to wait for the first cleaner's rows, it would fail here, not hang
            int second = transactions.inTransaction(() -> {
                db.persistence().dsl().execute("SET LOCAL lock_timeout = '10s'");
                return store.forget(CUTOFF, 1_000);
            });
            secondIsDone.countDown();

            assertEquals(30, first.get());
            assertEquals(70, second, "the second cleaner forgets what the first did not hold, while it still held it");
            assertEquals(0, store.forget(CUTOFF, 1_000));
            assertEquals(7, rows(), "keys inside their retention stay, the one claimed at the very cutoff included");
        } finally {
            secondIsDone.countDown();
            pool.shutdownNow();
        }
    }

    private static int rows() {
        return db.persistence().dsl().fetchCount(io.storescheduler.adapter.jooq.schema.Tables.IDEMPOTENCY_KEY);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IdempotencyKey newKey() {
        return new IdempotencyKey(0, new StoreId(0), "key-" + UUID.randomUUID());
    }
}
