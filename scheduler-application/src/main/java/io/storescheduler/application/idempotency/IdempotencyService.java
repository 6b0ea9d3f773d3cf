package io.storescheduler.application.idempotency;

import io.storescheduler.application.shared.TransactionRunner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps keyed requests and their answers for {@link #RETENTION}. A request is known by a SHA-256
 * of its method, path and body bytes, so a retry must send the very same bytes; the actor and
 * store are in the key's scope already. Every step is its own short transaction.
 *
 * <p>A request that never answers (its server died, or the database went away before the answer
 * was written down) would hold its key in flight for a day; after {@link #IN_FLIGHT_LEASE} its
 * claim lapses instead and a retry runs. The lease is far longer than any request takes, so it
 * lapses only for requests that are gone.
 */
public record IdempotencyService(
        IdempotencyStore store, TransactionRunner transactions, Clock clock)
        implements IdempotencyUseCase, ForgetExpiredKeysUseCase {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration IN_FLIGHT_LEASE = Duration.ofMinutes(5);
    // each keyed request also forgets a few expired keys, so the table holds about a day's worth
    private static final int FORGOTTEN_PER_START = 10;
    // the periodic job's batch: short transactions, so its row locks are held briefly
    static final int FORGOTTEN_PER_BATCH = 500;

    @Override
    public int forgetExpired() {
        var answeredBefore = clock.instant().minus(RETENTION);
        var total = 0;
        int forgotten;
        do {
            forgotten = transactions.inTransaction(() -> store.forget(answeredBefore, FORGOTTEN_PER_BATCH));
            total += forgotten;
        } while (forgotten == FORGOTTEN_PER_BATCH);
        return total;
    }

    @Override
    public Start start(KeyedRequest request) {
        var hash = hash(request);
        var now = clock.instant();
        var expiry = new IdempotencyStore.Expiry(now.minus(RETENTION), now.minus(IN_FLIGHT_LEASE));
        // before the claim: should this fail, no key is left claimed by a request that never ran
        transactions.inTransaction(() -> store.forget(expiry.answeredBefore(), FORGOTTEN_PER_START));
        var holder = transactions.inTransaction(() -> store.claim(request.key(), hash, now, expiry));
        if (holder.isEmpty()) {
            return new Start.Proceed();
        }
        if (!MessageDigest.isEqual(holder.get().requestHash(), hash)) {
            return new Start.KeyReused();
        }
        return holder.get().answer().<Start>map(Start.Replay::new).orElseGet(Start.InFlight::new);
    }

    @Override
    public void finish(KeyedRequest request, RecordedAnswer answer) {
        transactions.inTransaction(() -> {
            store.saveAnswer(request.key(), hash(request), answer);
            return null;
        });
    }

    @Override
    public void abandon(KeyedRequest request) {
        transactions.inTransaction(() -> {
            store.release(request.key(), hash(request));
            return null;
        });
    }

    /** Each part is length-prefixed, so no two different requests run together into the same bytes. */
    static byte[] hash(KeyedRequest request) {
        var digest = sha256();
        for (var part : new byte[][] {bytes(request.method()), bytes(request.path()), request.body()}) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
