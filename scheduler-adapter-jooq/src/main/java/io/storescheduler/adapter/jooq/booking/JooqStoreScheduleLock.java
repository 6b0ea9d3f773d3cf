package io.storescheduler.adapter.jooq.booking;

import io.storescheduler.application.booking.StoreScheduleLock;
import org.jooq.DSLContext;

/**
 * A transaction-scoped advisory lock keyed by the store's id. Chosen over SERIALIZABLE with
 * retries because a confirm reads the whole overlapping schedule to pick a room: under
 * SERIALIZABLE nearly every pair of racing confirms in a store would abort and retry, while the
 * lock makes them queue for the few milliseconds a confirm takes. Over row locks, because the rows
 * that matter (rooms free at that time) are not rows one can lock. Stores never share a key, so
 * they never wait on each other; the lock is released by commit or rollback, never leaked.
 */
public final class JooqStoreScheduleLock implements StoreScheduleLock {

    private final DSLContext dsl;

    public JooqStoreScheduleLock(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void lock(long storeId) {
        dsl.fetch("select pg_advisory_xact_lock(?)", storeId);
    }
}
