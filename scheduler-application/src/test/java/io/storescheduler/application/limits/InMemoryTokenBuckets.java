package io.storescheduler.application.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Buckets of one policy in a map, one per key, that never refill: the limiter's tests drive no
 * clock for them. A take and its answer are otherwise the adapter's, whole tokens out of a bucket
 * that may hold a fraction, and it counts what it was asked for and what it gave.
 * {@link SharedTokenBucketsContract} holds it to the jOOQ adapter's behaviour.
 */
final class InMemoryTokenBuckets implements SharedTokenBuckets {

    private final RatePolicy policy;
    private final Map<String, Double> tokens = new HashMap<>();
    private final Map<String, Long> granted = new HashMap<>();
    final List<Long> asked = new ArrayList<>();

    InMemoryTokenBuckets(RatePolicy policy) {
        this.policy = policy;
    }

    @Override
    public RatePolicy policy() {
        return policy;
    }

    @Override
    public TokenGrant takeUpTo(String key, long wanted) {
        if (wanted <= 0) {
            throw new IllegalArgumentException("a take of " + wanted + " tokens");
        }
        asked.add(wanted);
        var taken = Math.min(wanted, (long) tokens(key));
        tokens.put(key, tokens(key) - taken);
        granted.merge(key, taken, Long::sum);
        return grantOf(taken, tokens(key));
    }

    /** The answer to a take that got {@code taken} and left {@code left}: waits in whole seconds, rounded up. */
    private TokenGrant grantOf(long taken, double left) {
        var toOne = taken == 0 ? Math.max(1, Math.ceil((1 - left) / policy.perSecond())) : 0;
        var toFull = Math.ceil((policy.burst() - left) / policy.perSecond());
        return new TokenGrant(taken, (long) left, (long) toOne, (long) toFull);
    }

    @Override
    public boolean hasRoom(String key) {
        return tokens(key) >= 1;
    }

    /** What {@code key}'s bucket holds; a key never taken from has a full one. */
    double tokens(String key) {
        return tokens.getOrDefault(key, (double) policy.burst());
    }

    void fill(String key, double held) {
        tokens.put(key, held);
    }

    long grantedTo(String key) {
        return granted.getOrDefault(key, 0L);
    }
}
