package io.storescheduler.adapter.jooq.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.limits.SharedTokenBucketsContract;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared buckets' contract on PostgreSQL, and what only the adapter does: deleting buckets
 * that have filled up. A bucket is filled as touched in an hour, which the database's clock
 * refills nothing until then.
 */
class JooqTokenBucketsTest extends SharedTokenBucketsContract {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final DSLContext dsl = db.persistence().dsl();

    @Override
    protected JooqTokenBuckets buckets(RatePolicy policy) {
        return new JooqTokenBuckets(dsl, policy);
    }

    @Override
    protected void fill(RatePolicy policy, String key, double tokens) {
        dsl.execute("insert into rate_limit_bucket (policy, key, tokens, touched_at)"
                + " values (?, ?, ?, clock_timestamp() + interval '1 hour')", policy.name(), key, tokens);
    }

    @Override
    protected double tokens(RatePolicy policy, String key) {
        return dsl.fetchSingle("select tokens from rate_limit_bucket where policy = ? and key = ?", policy.name(), key)
                .get(0, Double.class);
    }

    @Test
    void buckets_untouched_for_longer_than_they_take_to_fill_are_deleted_and_no_others() {
        var limiter = buckets(FIVE);
        var idle = newKey();
        var busy = newKey();
        var otherPolicy = new RatePolicy("other-" + UUID.randomUUID(), 1, 5);
        bucketTouchedAgo(FIVE, idle, "1 hour");
        bucketTouchedAgo(otherPolicy, idle, "1 hour");
        limiter.takeUpTo(busy, 1);

        assertEquals(1, limiter.deleteFullBuckets());

        assertEquals(0, rows(FIVE, idle));
        assertEquals(1, rows(FIVE, busy));
        assertEquals(1, rows(otherPolicy, idle), "another policy's rows are its own limiter's to delete");
    }

    @Test
    void a_take_cleans_up_once_the_cleanup_interval_has_passed() {
        var now = new AtomicLong();
        var limiter = new JooqTokenBuckets(dsl, FIVE, now::get);
        var idle = newKey();
        bucketTouchedAgo(FIVE, idle, "1 hour");

        now.addAndGet(JooqTokenBuckets.CLEANUP_INTERVAL.toNanos() - 1);
        limiter.takeUpTo(newKey(), 1);
        assertEquals(1, rows(FIVE, idle), "not yet due");

        now.addAndGet(1);
        limiter.takeUpTo(newKey(), 1);
        assertEquals(0, rows(FIVE, idle), "due");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private void bucketTouchedAgo(RatePolicy policy, String key, String ago) {
        dsl.execute("insert into rate_limit_bucket (policy, key, tokens, touched_at)"
                + " values (?, ?, 0, clock_timestamp() - cast(? as interval))", policy.name(), key, ago);
    }

    private int rows(RatePolicy policy, String key) {
        return dsl.fetchSingle("select count(*) from rate_limit_bucket where policy = ? and key = ?", policy.name(), key)
                .get(0, Integer.class);
    }
}
