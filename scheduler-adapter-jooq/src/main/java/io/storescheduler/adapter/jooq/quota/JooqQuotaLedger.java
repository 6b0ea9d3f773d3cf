package io.storescheduler.adapter.jooq.quota;

import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.QuotaLedger;
import io.storescheduler.domain.id.StoreId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Quota counts in one round trip: the database function {@code quota_usage} (migrations V0007,
 * V0008) locks the store's row of that quota in {@code store_quota_lock} (for bookings, of the
 * store's local day; made when first needed) with {@code FOR NO KEY UPDATE} and then counts, so
 * that the count sees every row committed before the lock was granted, and the insert that
 * follows is seen by the next caller. A row lock, not an advisory one, for the reason the schedule
 * lock is ({@code JooqStoreScheduleLock}); rows apart from it, so quotas and schedules never wait
 * on each other. Other stores and other quotas never wait on it; it is released by commit or
 * rollback. Counts stop at the limit, so a full store costs a bounded scan.
 */
public record JooqQuotaLedger(DSLContext dsl) implements QuotaLedger {

    private static final String QUOTA_USAGE = "select quota_usage(?, ?, cast(? as timestamptz), cast(? as timestamptz), ?)";

    @Override
    public long lockAndCount(StoreId storeId, Quota quota) {
        if (quota == Quota.BOOKINGS_PER_DAY) {
            throw new IllegalArgumentException("bookings are counted per day: lockAndCountBookingsOn");
        }
        return usage(quota, storeId, null, null);
    }

    @Override
    public long lockAndCountBookingsOn(StoreId storeId, Instant from, Instant until) {
        return usage(Quota.BOOKINGS_PER_DAY, storeId, utc(from), utc(until));
    }

    private long usage(Quota quota, StoreId storeId, OffsetDateTime from, OffsetDateTime until) {
        return dsl.fetchSingle(QUOTA_USAGE, quota.code(), storeId.value(), from, until, quota.limit()).get(0, Long.class);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
