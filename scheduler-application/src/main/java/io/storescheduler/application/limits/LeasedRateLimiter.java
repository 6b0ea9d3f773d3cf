package io.storescheduler.application.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} over buckets every instance shares, which takes their tokens in leases:
 * a key's first request takes one token from the shared bucket, and each lease used up within
 * {@link #LEASE_LIFETIME} is followed by one twice as large, up to {@link #maxLease} tokens, so a
 * busy caller costs one round trip per lease instead of one per request, and an occasional one
 * still takes a single token at a time. A lease left unused for its lifetime is dropped and the
 * next one halves.
 *
 * <p>Every token spent was taken from the shared bucket, so no caller gets more than the policy
 * allows across all instances, give or take the lifetime of a lease: the requests let through in
 * any window are at most the tokens taken in it and the {@link #LEASE_LIFETIME} before it. The
 * price is at the other end: tokens another instance holds in a lease are not there for this one,
 * so a caller spread over N instances may be refused up to N times {@code maxLease} tokens before
 * its bucket is empty. {@code maxLease} is a tenth of the burst (at most 64), so a small burst is
 * never leased at all.
 *
 * <p>Requests of one key on this instance wait for each other only while a lease is being taken,
 * which is one statement; other keys never wait.
 */
public final class LeasedRateLimiter implements RateLimiter {

    static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);
    private static final int MAX_LEASE = 64;
    private static final int FORGET_EXPIRED_PAST = 10_000;

    private final SharedTokenBuckets shared;
    private final LongSupplier nanoTime;
    private final long maxLease;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();

    public LeasedRateLimiter(SharedTokenBuckets shared) {
        this(shared, System::nanoTime);
    }

    LeasedRateLimiter(SharedTokenBuckets shared, LongSupplier nanoTime) {
        this.shared = shared;
        this.nanoTime = nanoTime;
        this.maxLease = Math.clamp(shared.policy().burst() / 10, 1, MAX_LEASE);
    }

    @Override
    public RatePolicy policy() {
        return shared.policy();
    }

    /** The most tokens one lease takes. */
    long maxLease() {
        return maxLease;
    }

    @Override
    public RateDecision take(String key) {
        forgetExpiredLeasesWhenMany();
        var lease = leases.computeIfAbsent(key, unused -> new Lease());
        synchronized (lease) {
            var now = nanoTime.getAsLong();
            if (lease.hasTokenAt(now)) {
                return lease.spend();
            }
            return lease.renew(shared.takeUpTo(key, lease.nextSize(now, maxLease)), now);
        }
    }

    @Override
    public boolean hasRoom(String key) {
        var lease = leases.get(key);
        if (lease != null) {
            synchronized (lease) {
                if (lease.hasTokenAt(nanoTime.getAsLong())) {
                    return true;
                }
            }
        }
        return shared.hasRoom(key);
    }

    /** How many keys hold a lease record now. */
    int leasedKeys() {
        return leases.size();
    }

    /** The keys are actors, so they are few; should they be many, the expired leases go. */
    private void forgetExpiredLeasesWhenMany() {
        if (leases.size() > FORGET_EXPIRED_PAST) {
            var now = nanoTime.getAsLong();
            leases.values().removeIf(lease -> lease.expiredAt(now));
        }
    }

    /** The tokens of one key this instance holds, and the size its next lease takes. */
    private static final class Lease {
        private long left;
        private long size;
        private long expiresAt;
        private TokenGrant last;

        boolean hasTokenAt(long now) {
            return left > 0 && now - expiresAt < 0;
        }

        boolean expiredAt(long now) {
            return now - expiresAt >= 0;
        }

        /** Twice the last lease when it was used up, half of it when it expired with tokens left. */
        long nextSize(long now, long maxLease) {
            if (last == null) {
                return 1;
            }
            var usedUp = left == 0;
            return usedUp && !expiredAt(now) ? Math.min(maxLease, size * 2) : Math.max(1, usedUp ? size : size / 2);
        }

        RateDecision renew(TokenGrant grant, long now) {
            last = grant;
            size = Math.max(1, grant.granted());
            expiresAt = now + LEASE_LIFETIME.toNanos();
            left = grant.granted();
            if (left == 0) {
                return new RateDecision(false, grant.remaining(), grant.secondsToRetry(), grant.secondsToFull());
            }
            return spend();
        }

        RateDecision spend() {
            left--;
            return new RateDecision(true, last.remaining() + left, 0, last.secondsToFull());
        }
    }
}
