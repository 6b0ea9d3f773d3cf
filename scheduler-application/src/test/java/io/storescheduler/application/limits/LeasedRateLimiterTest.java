package io.storescheduler.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeasedRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();

    @Test
    void a_busy_key_takes_leases_that_double_up_to_a_tenth_of_the_burst() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 200));
        var limiter = new LeasedRateLimiter(shared, now::get);

        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.take("a").allowed());
        }

        assertEquals(20, limiter.maxLease());
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 20L, 20L, 20L, 20L), shared.asked);
        assertEquals(111, shared.grantedTo("a"), "11 tokens are left in the lease");
        assertEquals(200 - 101, limiter.take("a").remaining());
    }

    @Test
    void the_remaining_count_falls_by_one_a_request_as_it_would_without_leases() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 200));
        var limiter = new LeasedRateLimiter(shared, now::get);

        for (long expected = 199; expected > 150; expected--) {
            assertEquals(expected, limiter.take("a").remaining());
        }
    }

    @Test
    void a_lease_unused_for_its_lifetime_is_dropped_and_the_next_one_is_half_as_large() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 200));
        var limiter = new LeasedRateLimiter(shared, now::get);
        for (int i = 0; i < 1 + 2 + 4 + 1; i++) {
            limiter.take("a");
        }
        assertEquals(List.of(1L, 2L, 4L, 8L), shared.asked);

        now.addAndGet(LeasedRateLimiter.LEASE_LIFETIME.toNanos());
        limiter.take("a");

        assertEquals(List.of(1L, 2L, 4L, 8L, 4L), shared.asked);
    }

    @Test
    void an_occasional_caller_takes_one_token_at_a_time() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 200));
        var limiter = new LeasedRateLimiter(shared, now::get);

        for (int i = 0; i < 5; i++) {
            limiter.take("a");
            now.addAndGet(2 * SECOND);
        }

        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), shared.asked);
    }

    @Test
    void a_small_burst_is_never_leased() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 10));
        var limiter = new LeasedRateLimiter(shared, now::get);

        for (int i = 0; i < 12; i++) {
            limiter.take("a");
        }

        assertEquals(1, limiter.maxLease());
        assertTrue(shared.asked.stream().allMatch(asked -> asked == 1), shared.asked::toString);
    }

    @Test
    void an_empty_shared_bucket_refuses_with_its_wait_and_keys_do_not_share_leases() {
        var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 20));
        var limiter = new LeasedRateLimiter(shared, now::get);
        var allowed = 0;
        RateDecision last = null;
        for (int i = 0; i < 30; i++) {
            last = limiter.take("a");
            allowed += last.allowed() ? 1 : 0;
        }

        assertEquals(20, allowed);
        assertEquals(new RateDecision(false, 0, 1, 20), last);
        assertFalse(limiter.hasRoom("a"));
        assertTrue(limiter.take("b").allowed());
        assertTrue(limiter.hasRoom("b"));
    }

    /**
     * Instances leasing from one bucket, taking turns in a seeded random order within a lease's
     * lifetime: together they never let through more than the bucket gave out, and the tokens it
     * gave that none let through are at most what their leases hold.
     */
    @Test
    void instances_leasing_from_one_bucket_never_let_through_more_than_it_gave_and_strand_at_most_their_leases() {
        var random = new Random(20261202);
        for (int round = 0; round < 200; round++) {
            var shared = new InMemoryTokenBuckets(new RatePolicy("actor", 1, 20 + random.nextInt(300)));
            var instances = new ArrayList<LeasedRateLimiter>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                instances.add(new LeasedRateLimiter(shared, now::get));
            }
            var allowed = 0L;
            var requests = random.nextInt(600);
            for (int i = 0; i < requests; i++) {
                allowed += instances.get(random.nextInt(instances.size())).take("a").allowed() ? 1 : 0;
            }
            var given = shared.grantedTo("a");
            assertTrue(allowed <= given, allowed + " let through of " + given + " given");
            var stranded = instances.size() * instances.getFirst().maxLease();
            assertTrue(given - allowed <= stranded, given - allowed + " tokens stranded, more than " + stranded);
        }
    }
}
