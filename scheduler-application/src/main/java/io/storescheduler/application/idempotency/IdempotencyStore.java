package io.storescheduler.application.idempotency;

import java.time.Instant;
import java.util.Optional;

/**
 * Where each idempotency key's first request and, once there is one, its answer are kept. Each
 * call is meant to run in a short transaction of its own, apart from the request's work, so that
 * a claim is visible to a racing retry before the work starts. An answer may carry a secret that
 * is shown once (a new actor's token): a store keeps answers readable only with the key itself.
 */
public interface IdempotencyStore {

    /** The request a key holds, by the hash of what it asked, and its answer once it has one. */
    record KeptRequest(byte[] requestHash, Optional<RecordedAnswer> answer) {}

    /**
     * Claims older than these instants no longer hold their key: {@code answeredBefore} for keys
     * with an answer, a nearer {@code inFlightBefore} for keys whose request never answered (its
     * server died, or could not write down the answer).
     */
    record Expiry(Instant answeredBefore, Instant inFlightBefore) {}

    /**
     * Claims {@code key} for the request hashed {@code requestHash}, in flight from {@code now},
     * unless a claim that has not expired holds it; an expired claim is overwritten as if it had
     * never been. Empty when this call claimed the key; otherwise the request that holds it.
     */
    Optional<KeptRequest> claim(IdempotencyKey key, byte[] requestHash, Instant now, Expiry expiry);

    /** Records the answer of the in-flight request hashed {@code requestHash} that holds {@code key}. */
    void saveAnswer(IdempotencyKey key, byte[] requestHash, RecordedAnswer answer);

    /** Frees {@code key} if the request hashed {@code requestHash} holds it still in flight. */
    void release(IdempotencyKey key, byte[] requestHash);

    /** Forgets at most {@code atMost} keys claimed before {@code claimedBefore}; answers how many. */
    int forget(Instant claimedBefore, int atMost);
}
