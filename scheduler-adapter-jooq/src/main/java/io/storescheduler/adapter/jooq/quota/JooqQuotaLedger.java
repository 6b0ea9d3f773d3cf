package io.storescheduler.adapter.jooq.quota;

import static io.storescheduler.adapter.jooq.schema.Tables.BOOKING;
import static io.storescheduler.adapter.jooq.schema.Tables.CLIENT;
import static io.storescheduler.adapter.jooq.schema.Tables.DM;
import static io.storescheduler.adapter.jooq.schema.Tables.ROOM;
import static io.storescheduler.adapter.jooq.schema.Tables.SCRIPT;
import static org.jooq.impl.DSL.selectOne;

import io.storescheduler.application.quota.Quota;
import io.storescheduler.application.quota.QuotaLedger;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Quota counts under a transaction-scoped advisory lock of the two-key form, keyed by the quota
 * kind (and for bookings the local day) and the store: the count-and-insert of one quota in one
 * store runs one at a time, other stores and kinds go on. The two-key form is a key space of its
 * own, apart from the one-key store schedule lock, so the two never wait on each other by accident.
 * The lock is its own statement: under READ COMMITTED the count that follows takes its snapshot
 * after the lock is granted, so it sees every row committed by the holder before.
 * Counts stop at the limit, so a full store costs a bounded scan.
 */
public final class JooqQuotaLedger implements QuotaLedger {

    /** The first key of a day's booking lock: the epoch day, moved past the catalogue kinds' keys. */
    private static final int BOOKING_DAY_KEYS = 1_000_000;

    private final DSLContext dsl;

    public JooqQuotaLedger(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public long lockAndCount(long storeId, Quota quota) {
        lock(quota.ordinal() + 1, storeId);
        return switch (quota) {
            case ROOMS -> countUpTo(ROOM, ROOM.STORE_ID.eq(storeId), quota);
            case SCRIPTS -> countUpTo(SCRIPT, SCRIPT.STORE_ID.eq(storeId), quota);
            case DMS -> countUpTo(DM, DM.STORE_ID.eq(storeId), quota);
            case CLIENTS -> countUpTo(CLIENT, CLIENT.STORE_ID.eq(storeId), quota);
            case BOOKINGS_PER_DAY -> throw new IllegalArgumentException("bookings are counted per day: lockAndCountBookingsOn");
        };
    }

    @Override
    public long lockAndCountBookingsOn(long storeId, LocalDate day, Instant from, Instant until) {
        lock(Math.toIntExact(BOOKING_DAY_KEYS + day.toEpochDay()), storeId);
        var starting = BOOKING.STORE_ID.eq(storeId)
                .and(BOOKING.START_AT.ge(from))
                .and(BOOKING.START_AT.lt(until));
        return countUpTo(BOOKING, starting, Quota.BOOKINGS_PER_DAY);
    }

    /** Stores past 2^31 share a key with another store: that only makes them wait on each other, never miscount. */
    private void lock(int kindKey, long storeId) {
        dsl.fetch("select pg_advisory_xact_lock(?, ?)", kindKey, (int) storeId);
    }

    private long countUpTo(Table<?> table, Condition condition, Quota quota) {
        return dsl.fetchCount(selectOne().from(table).where(condition).limit(quota.limit()));
    }
}
