package io.storescheduler.application.limits;

import java.util.HashMap;
import java.util.Map;

/** The buckets the leased limiter's tests use, held to the contract the jOOQ adapter is held to. */
class InMemoryTokenBucketsTest extends SharedTokenBucketsContract {

    private final Map<RatePolicy, InMemoryTokenBuckets> byPolicy = new HashMap<>();

    @Override
    protected InMemoryTokenBuckets buckets(RatePolicy policy) {
        return byPolicy.computeIfAbsent(policy, InMemoryTokenBuckets::new);
    }

    @Override
    protected void fill(RatePolicy policy, String key, double tokens) {
        buckets(policy).fill(key, tokens);
    }

    @Override
    protected double tokens(RatePolicy policy, String key) {
        return buckets(policy).tokens(key);
    }
}
