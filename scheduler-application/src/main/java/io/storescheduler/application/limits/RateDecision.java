package io.storescheduler.application.limits;

/**
 * What a {@link RateLimiter} decided for one request: whether it may run, how many more the bucket
 * holds after it, the seconds until the next one may run (0 while some are left) and until the
 * bucket is full again.
 */
public record RateDecision(boolean allowed, long remaining, long secondsToRetry, long secondsToFull) {}
