package io.storescheduler.adapter.http.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.limits.RatePolicy;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    // one request a second: a burst is spent long before the first refill, however slow the machine
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RatePolicy("test", 1, 30));

    @Test
    void a_bucket_gives_its_burst_then_refuses_with_the_wait_until_the_next_request() {
        int taken = 0;
        while (limiter.take("a").allowed()) {
            taken++;
            assertTrue(taken < 60, "a bucket of 30 at 1/s runs dry");
        }
        assertTrue(taken >= 30, "the whole burst is given: " + taken);

        var refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.secondsToRetry());
        assertTrue(refused.secondsToFull() >= 29 && refused.secondsToFull() <= 30, refused::toString);
        assertFalse(limiter.hasRoom("a"));
    }

    @Test
    void keys_have_buckets_of_their_own() {
        while (limiter.take("a").allowed()) {
            // spend a's bucket
        }

        assertTrue(limiter.hasRoom("b"));
        var other = limiter.take("b");
        assertTrue(other.allowed());
        assertEquals(29, other.remaining());
        assertEquals(0, other.secondsToRetry());
    }

    @Test
    void looking_for_room_takes_nothing() {
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.hasRoom("a"));
        }

        assertEquals(29, limiter.take("a").remaining());
    }

    @Test
    void the_buckets_kept_are_bounded_however_many_keys_come() {
        var small = new InMemoryRateLimiter(new RatePolicy("test", 1, 1), 100);
        for (int i = 0; i < 10_000; i++) {
            small.take("key-" + i);
        }

        assertTrue(small.keptBuckets() <= 100 + 10, "at most about the capacity: " + small.keptBuckets());
    }
}
