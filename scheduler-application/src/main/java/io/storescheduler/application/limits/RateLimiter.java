package io.storescheduler.application.limits;

/**
 * Token buckets of one {@link RatePolicy}, one per key (an actor, a client address), kept in one
 * instance's memory or in the database, where every instance shares them.
 */
public interface RateLimiter {

    RatePolicy policy();

    /** Takes one request from {@code key}'s bucket if it has one left. */
    RateDecision take(String key);

    /** Whether {@code key}'s bucket has a request left, taking none. */
    boolean hasRoom(String key);
}
