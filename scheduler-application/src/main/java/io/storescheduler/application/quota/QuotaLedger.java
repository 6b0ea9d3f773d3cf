package io.storescheduler.application.quota;

import io.storescheduler.domain.id.StoreId;
import java.time.Instant;

/**
 * Counts what a store holds of a quota, holding a lock that serialises every count-and-insert of
 * that quota in that store until the transaction ends, so racing creations cannot both see room
 * for one more. Other stores, and other quotas of the store, never wait on it.
 */
public interface QuotaLedger {

    /** Locks the store's {@code quota} (not {@link Quota#BOOKINGS_PER_DAY}) and answers how much of it is used, at most its limit. */
    long lockAndCount(StoreId storeId, Quota quota);

    /**
     * Locks the store's local day {@code [from, until)} and answers how many of its bookings,
     * whatever their status, start in it, at most the limit.
     */
    long lockAndCountBookingsOn(StoreId storeId, Instant from, Instant until);
}
