package io.storescheduler.adapter.jooq.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.limits.TokenGrant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared buckets against the real PostgreSQL. Where refilling would make an answer depend on
 * how fast the test runs, a bucket is prepared as touched in the future, which refills nothing.
 */
class JooqTokenBucketsTest {

    private static final RatePolicy FIVE = new RatePolicy("five-" + UUID.randomUUID(), 1, 5);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final DSLContext dsl = db.persistence().dsl();

    @Test
    void a_new_key_may_spend_its_whole_burst_and_then_no_more_than_what_refilled() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var key = newKey();
        var decisions = new ArrayList<TokenGrant>();

        var started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            decisions.add(limiter.takeUpTo(key, 1));
        }
        var elapsedSeconds = (System.nanoTime() - started) / 1e9;

        for (int i = 0; i < FIVE.burst(); i++) {
            assertEquals(1, decisions.get(i).granted(), "take " + i + " of a full bucket");
        }
        assertEquals(new TokenGrant(1, 4, 0, 1), decisions.getFirst());
        var allowed = decisions.stream().mapToLong(TokenGrant::granted).sum();
        assertTrue(allowed <= FIVE.burst() + (long) Math.floor(elapsedSeconds * FIVE.perSecond()),
                () -> allowed + " allowed in " + elapsedSeconds + " s");
        decisions.stream().filter(decision -> decision.granted() == 0).forEach(refused -> {
            assertEquals(0, refused.remaining());
            assertTrue(refused.secondsToRetry() >= 1, refused::toString);
        });
    }

    @Test
    void each_key_and_each_policy_has_a_bucket_of_its_own() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var key = newKey();
        for (int i = 0; i < FIVE.burst(); i++) {
            limiter.takeUpTo(key, 1);
        }

        assertEquals(4, limiter.takeUpTo(newKey(), 1).remaining(), "another key starts full");
        var otherPolicy = new JooqTokenBuckets(dsl, new RatePolicy("other-" + UUID.randomUUID(), 1, 3));
        assertEquals(2, otherPolicy.takeUpTo(key, 1).remaining(), "the same key under another policy starts full");
    }

    @Test
    void a_refused_take_keeps_the_tokens_the_bucket_had() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var key = newKey();
        bucketTouchedInAnHour(FIVE, key, 0.5);

        assertFalse(limiter.hasRoom(key));
        var refused = limiter.takeUpTo(key, 1);

        assertEquals(new TokenGrant(0, 0, 1, 5), refused);
        assertEquals(0.5, tokens(FIVE, key));
        assertTrue(limiter.hasRoom(newKey()), "a key without a bucket has a full one");
    }

    @Test
    void a_bucket_with_a_whole_token_loses_exactly_one() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var key = newKey();
        bucketTouchedInAnHour(FIVE, key, 1.5);

        assertTrue(limiter.hasRoom(key));
        assertEquals(new TokenGrant(1, 0, 0, 5), limiter.takeUpTo(key, 1));
        assertEquals(0.5, tokens(FIVE, key));
    }

    @Test
    void a_take_of_several_gets_as_many_whole_tokens_as_the_bucket_holds_up_to_those_asked_for() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var plenty = newKey();
        var scarce = newKey();
        bucketTouchedInAnHour(FIVE, plenty, 3.5);
        bucketTouchedInAnHour(FIVE, scarce, 1.5);

        assertEquals(new TokenGrant(2, 1, 0, 4), limiter.takeUpTo(plenty, 2));
        assertEquals(new TokenGrant(1, 0, 0, 5), limiter.takeUpTo(scarce, 4), "only one whole token was there");
        assertEquals(1.5, tokens(FIVE, plenty));
        assertEquals(0.5, tokens(FIVE, scarce));
    }

    @Test
    void a_new_key_asking_for_more_than_its_burst_gets_the_burst() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
        var key = newKey();

        assertEquals(new TokenGrant(5, 0, 0, 5), limiter.takeUpTo(key, 50));
        assertEquals(0.0, tokens(FIVE, key), 0.01);
    }

    @Test
    void buckets_untouched_for_longer_than_they_take_to_fill_are_deleted_and_no_others() {
        var limiter = new JooqTokenBuckets(dsl, FIVE);
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

    /** A bucket whose refill starts in an hour, so it holds {@code tokens} however long the test takes. */
    private void bucketTouchedInAnHour(RatePolicy policy, String key, double tokens) {
        dsl.execute("insert into rate_limit_bucket (policy, key, tokens, touched_at)"
                + " values (?, ?, ?, clock_timestamp() + interval '1 hour')", policy.name(), key, tokens);
    }

    private void bucketTouchedAgo(RatePolicy policy, String key, String ago) {
        dsl.execute("insert into rate_limit_bucket (policy, key, tokens, touched_at)"
                + " values (?, ?, 0, clock_timestamp() - cast(? as interval))", policy.name(), key, ago);
    }

    private double tokens(RatePolicy policy, String key) {
        return dsl.fetchSingle("select tokens from rate_limit_bucket where policy = ? and key = ?", policy.name(), key)
                .get(0, Double.class);
    }

    private int rows(RatePolicy policy, String key) {
        return dsl.fetchSingle("select count(*) from rate_limit_bucket where policy = ? and key = ?", policy.name(), key)
                .get(0, Integer.class);
    }
}
