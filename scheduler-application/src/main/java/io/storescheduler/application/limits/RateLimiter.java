package io.storescheduler.application.limits;

/**
 * Token buckets of one {@link RatePolicy}, one per key (an actor, a client address). Buckets are
 * kept in memory by one instance for now; an implementation on the database would share them
 * between instances, and is the one class to swap.
 */
public interface RateLimiter {

    RatePolicy policy();

    /** Takes one request from {@code key}'s bucket if it has one left. */
    RateDecision take(String key);

    /** Whether {@code key}'s bucket has a request left, taking none. */
    boolean hasRoom(String key);
}
