package io.storescheduler.adapter.http.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.storescheduler.application.limits.RateDecision;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.limits.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bucket4j token buckets in this instance's memory, one per key, in a Caffeine cache bounded to
 * {@code capacity} keys, so a caller making up addresses or tokens cannot grow it without end. A
 * bucket is dropped once untouched for as long as it takes to fill up, when it is full anyway: its
 * expiry never hands a caller more than the policy allows. Only past {@code capacity} live keys
 * may a bucket be evicted early (the least useful first), the price of a bounded memory.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final RatePolicy policy;
    private final Cache<String, Bucket> buckets;

    public InMemoryRateLimiter(RatePolicy policy) {
        this(policy, DEFAULT_CAPACITY);
    }

    public InMemoryRateLimiter(RatePolicy policy, int capacity) {
        this.policy = policy;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterAccess(Duration.ofSeconds(policy.secondsToFill() + 1))
                .build();
    }

    @Override
    public RatePolicy policy() {
        return policy;
    }

    @Override
    public RateDecision take(String key) {
        var probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
        return new RateDecision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? 0 : secondsAtLeastOne(probe.getNanosToWaitForRefill()),
                seconds(probe.getNanosToWaitForReset()));
    }

    @Override
    public boolean hasRoom(String key) {
        var bucket = buckets.getIfPresent(key);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    /** How many buckets are kept now, after the cache's pending evictions. */
    long keptBuckets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucketOf(String key) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.burst()).refillGreedy(policy.perSecond(), Duration.ofSeconds(1)))
                .build());
    }

    private static long seconds(long nanos) {
        return Math.ceilDiv(nanos, TimeUnit.SECONDS.toNanos(1));
    }

    /** A refused caller is told to wait a whole second at least: {@code Retry-After: 0} would invite a spin. */
    private static long secondsAtLeastOne(long nanos) {
        return Math.max(1, seconds(nanos));
    }
}
