package io.storescheduler.adapter.jooq.booking;

import static io.storescheduler.adapter.jooq.schema.Tables.STORE_SCHEDULE_LOCK;

import io.storescheduler.application.shared.StoreScheduleLock;
import io.storescheduler.domain.id.StoreId;
import org.jooq.DSLContext;

/**
 * The row lock ({@code SELECT ... FOR NO KEY UPDATE}) of the store's row in
 * {@code store_schedule_lock} (migration V0008), held until the transaction ends. Chosen over
 * SERIALIZABLE with retries because a confirm reads the whole overlapping schedule to pick a room:
 * under SERIALIZABLE nearly every pair of racing confirms in a store would abort and retry, while
 * the lock makes them queue for the few milliseconds a confirm takes. One row for the store rather
 * than locks on the rows that matter, because those (rooms free at that time) are not rows one can
 * lock. A row lock rather than an advisory lock, because a row lives with the store's data: on a
 * sharded PostgreSQL it is locked on the node holding the store, where an advisory lock would be
 * local to whichever node the session runs on. Stores never share a row, so they never wait on each
 * other; the lock is released by commit or rollback, never leaked. A store without its row is a
 * bug, and fails here rather than running unserialised.
 */
public record JooqStoreScheduleLock(DSLContext dsl) implements StoreScheduleLock {

    @Override
    public void lock(StoreId storeId) {
        var locked = dsl.select(STORE_SCHEDULE_LOCK.STORE_ID).from(STORE_SCHEDULE_LOCK)
                .where(STORE_SCHEDULE_LOCK.STORE_ID.eq(storeId))
                .forNoKeyUpdate()
                .fetch();
        if (locked.isEmpty()) {
            throw new IllegalStateException("store " + storeId + " has no row in store_schedule_lock");
        }
    }
}
