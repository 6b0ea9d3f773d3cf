package io.storescheduler.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SharedTokenBuckets} does, run on the in-memory fake the leased limiter's tests
 * trust and on the jOOQ adapter over PostgreSQL. The adapter refills with the database's clock, so
 * a test either bounds what it lets through by the time it took, or starts from a bucket
 * {@linkplain #fill filled} so that it refills nothing while the test runs. Left out, as only the
 * adapter has them: the deletion of full buckets, and the database's clock; the jOOQ test states
 * those itself.
 */
public abstract class SharedTokenBucketsContract {

    protected static final RatePolicy FIVE = new RatePolicy("five-" + UUID.randomUUID(), 1, 5);

    /** The buckets of {@code policy}; every call for one policy shares its buckets. */
    protected abstract SharedTokenBuckets buckets(RatePolicy policy);

    /** Makes {@code key}'s bucket of {@code policy} hold {@code tokens}, refilling nothing while the test runs. */
    protected abstract void fill(RatePolicy policy, String key, double tokens);

    /** What {@code key}'s bucket of {@code policy} holds. */
    protected abstract double tokens(RatePolicy policy, String key);

    @Test
    void a_new_key_may_spend_its_whole_burst_and_then_no_more_than_what_refilled() {
        var buckets = buckets(FIVE);
        var key = newKey();
        var grants = new ArrayList<TokenGrant>();

        var started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            grants.add(buckets.takeUpTo(key, 1));
        }
        var elapsedSeconds = (System.nanoTime() - started) / 1e9;

        for (int i = 0; i < FIVE.burst(); i++) {
            assertEquals(1, grants.get(i).granted(), "take " + i + " of a full bucket");
        }
        assertEquals(new TokenGrant(1, 4, 0, 1), grants.getFirst());
        var allowed = grants.stream().mapToLong(TokenGrant::granted).sum();
        assertTrue(allowed <= FIVE.burst() + (long) Math.floor(elapsedSeconds * FIVE.perSecond()),
                () -> allowed + " allowed in " + elapsedSeconds + " s");
        grants.stream().filter(grant -> grant.granted() == 0).forEach(refused -> {
            assertEquals(0, refused.remaining());
            assertTrue(refused.secondsToRetry() >= 1, refused::toString);
        });
    }

    @Test
    void each_key_and_each_policy_has_a_bucket_of_its_own() {
        var buckets = buckets(FIVE);
        var key = newKey();
        for (int i = 0; i < FIVE.burst(); i++) {
            buckets.takeUpTo(key, 1);
        }

        assertEquals(4, buckets.takeUpTo(newKey(), 1).remaining(), "another key starts full");
        var otherPolicy = buckets(new RatePolicy("other-" + UUID.randomUUID(), 1, 3));
        assertEquals(2, otherPolicy.takeUpTo(key, 1).remaining(), "the same key under another policy starts full");
    }

    @Test
    void a_refused_take_keeps_the_tokens_the_bucket_had() {
        var buckets = buckets(FIVE);
        var key = filled(0.5);

        assertFalse(buckets.hasRoom(key));
        var refused = buckets.takeUpTo(key, 1);

        assertEquals(new TokenGrant(0, 0, 1, 5), refused);
        assertEquals(0.5, tokens(FIVE, key));
        assertTrue(buckets.hasRoom(newKey()), "a key without a bucket has a full one");
    }

    @Test
    void a_bucket_with_a_whole_token_loses_exactly_one_and_asking_for_room_takes_none() {
        var buckets = buckets(FIVE);
        var key = filled(1.5);

        assertTrue(buckets.hasRoom(key));
        assertEquals(1.5, tokens(FIVE, key));
        assertEquals(new TokenGrant(1, 0, 0, 5), buckets.takeUpTo(key, 1));
        assertEquals(0.5, tokens(FIVE, key));
    }

    @Test
    void a_take_of_several_gets_as_many_whole_tokens_as_the_bucket_holds_up_to_those_asked_for() {
        var buckets = buckets(FIVE);
        var plenty = filled(3.5);
        var scarce = filled(1.5);

        assertEquals(new TokenGrant(2, 1, 0, 4), buckets.takeUpTo(plenty, 2));
        assertEquals(new TokenGrant(1, 0, 0, 5), buckets.takeUpTo(scarce, 4), "only one whole token was there");
        assertEquals(1.5, tokens(FIVE, plenty));
        assertEquals(0.5, tokens(FIVE, scarce));
    }

    @Test
    void a_new_key_asking_for_more_than_its_burst_gets_the_burst() {
        var key = newKey();

        assertEquals(new TokenGrant(5, 0, 0, 5), buckets(FIVE).takeUpTo(key, 50));
        assertEquals(0.0, tokens(FIVE, key), 0.01);
    }

    @Test
    void a_take_of_no_token_is_a_bug_and_takes_nothing() {
        var buckets = buckets(FIVE);
        var key = filled(2);

        assertThrows(IllegalArgumentException.class, () -> buckets.takeUpTo(key, 0));
        assertEquals(2.0, tokens(FIVE, key));
    }

    /** A new key whose bucket of {@link #FIVE} holds {@code tokens}. */
    private String filled(double tokens) {
        var key = newKey();
        fill(FIVE, key, tokens);
        return key;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
