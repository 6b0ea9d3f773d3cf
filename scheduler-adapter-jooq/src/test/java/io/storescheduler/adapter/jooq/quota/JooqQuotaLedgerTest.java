package io.storescheduler.adapter.jooq.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.QuotaLedgerContract;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The quota ledger's contract on PostgreSQL, and its lock: a count of a store's quota waits for the
 * transaction holding it, and then sees what that one added. The timeouts only keep a broken lock
 * from hanging the test; nothing here measures time.
 */
class JooqQuotaLedgerTest extends QuotaLedgerContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();

    JooqQuotaLedgerTest() {
        super(db);
    }

    @Test
    void a_count_waits_for_the_transaction_holding_the_quota_and_then_sees_what_it_added() throws Exception {
        var storeId = db.newStoreId();
        var counted = new CompletableFuture<Void>();
        var insert = new CompletableFuture<Void>().orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        try (var executor = Executors.newFixedThreadPool(2)) {
            var first = executor.submit(() -> db.transactions().inTransaction(() -> {
                var before = ledger().lockAndCount(storeId, Quota.ROOMS);
                counted.complete(null);
                insert.join();
                db.catalogue().insertRoom(storeId, "Room A", 6, true);
                return before;
            }));
            counted.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            var otherQuota = executor.submit(() -> countInTransaction(storeId, Quota.DMS)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            var second = executor.submit(() -> countInTransaction(storeId, Quota.ROOMS));
            db.awaitSessionWaitingForLock("transactionid", PATIENCE);
            insert.complete(null);

            assertEquals(0, first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the second count waited for the first to commit");
            assertEquals(0, otherQuota, "another quota of the store did not wait");
        }
    }

    private long countInTransaction(StoreId storeId, Quota quota) {
        return db.transactions().inTransaction(() -> ledger().lockAndCount(storeId, quota));
    }
}
