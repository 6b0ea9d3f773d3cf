package io.storescheduler.application.limits;

/**
 * Token buckets of one {@link RatePolicy}, one per key, kept where every instance takes from the
 * same bucket of a key (the database). A take may ask for several tokens at once, so that an
 * instance can lease them ({@link LeasedRateLimiter}) instead of paying a round trip per request.
 */
public interface SharedTokenBuckets {

    RatePolicy policy();

    /** Takes as many whole tokens of {@code key}'s bucket as it holds, up to {@code wanted} (at least 1). */
    TokenGrant takeUpTo(String key, long wanted);

    /** Whether {@code key}'s bucket holds a whole token, taking none. */
    boolean hasRoom(String key);
}
