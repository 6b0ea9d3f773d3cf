package io.storescheduler.application.limits;

/**
 * What one take from a {@link SharedTokenBuckets} bucket got: {@code granted} tokens (0 when it
 * held no whole one), the whole tokens left in it after the take, the seconds until it holds one
 * again (0 while some are left) and until it is full.
 */
public record TokenGrant(long granted, long remaining, long secondsToRetry, long secondsToFull) {}
