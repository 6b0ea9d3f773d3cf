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
        if (wanted < 1) {
            throw new IllegalArgumentException("a take asks for at least one token, not " + wanted);
        }
        asked.add(wanted);
        var held = tokens(key);
        var taken = Math.min((long) Math.floor(held), wanted);
        var left = held - taken;
        tokens.put(key, left);
        granted.merge(key, taken, Long::sum);
        return new TokenGrant(taken, (long) Math.floor(left), taken > 0 ? 0 : Math.max(1, secondsUntil(1, left)),
                secondsUntil(policy.burst(), left));
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

    private long secondsUntil(double wanted, double held) {
        return (long) Math.ceil(Math.max(0, wanted - held) / policy.perSecond());
    }
}
