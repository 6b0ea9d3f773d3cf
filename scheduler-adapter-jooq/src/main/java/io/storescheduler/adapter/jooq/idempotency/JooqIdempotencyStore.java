package io.storescheduler.adapter.jooq.idempotency;

import static io.storescheduler.adapter.jooq.schema.Tables.IDEMPOTENCY_KEY;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.storescheduler.application.idempotency.IdempotencyKey;
import io.storescheduler.application.idempotency.IdempotencyStore;
import io.storescheduler.application.idempotency.RecordedAnswer;
import java.time.Instant;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Idempotency keys in {@code idempotency_key}, kept as {@link SealedAnswers} says. */
public record JooqIdempotencyStore(DSLContext dsl) implements IdempotencyStore {

    // a holder can vanish between our failed insert and our read (released after a 5xx, or
    // forgotten): claim again, a few times, before calling the key busy
    private static final int CLAIM_ATTEMPTS = 3;

    @Override
    public Optional<KeptRequest> claim(IdempotencyKey key, byte[] requestHash, Instant now, Expiry expiry) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (insertOrTakeOverExpired(key, requestHash, now, expiry)) {
                return Optional.empty();
            }
            var holder = find(key);
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.of(new KeptRequest(requestHash, Optional.empty()));
    }

    /**
     * One statement, so two racing claims of a new key cannot both win: the second waits for the
     * first's row and then finds it taken. An expired row is overwritten in place.
     */
    private boolean insertOrTakeOverExpired(IdempotencyKey key, byte[] requestHash, Instant now, Expiry expiry) {
        var k = IDEMPOTENCY_KEY;
        return dsl.insertInto(k)
                .set(k.ACTOR_ID, key.actorId())
                .set(k.STORE_ID, key.storeId())
                .set(k.KEY_HASH, SealedAnswers.keyHash(key))
                .set(k.REQUEST_HASH, requestHash)
                .set(k.CREATED_AT, now)
                .onConflict(k.ACTOR_ID, k.STORE_ID, k.KEY_HASH)
                .doUpdate()
                .set(k.REQUEST_HASH, requestHash)
                .set(k.CREATED_AT, now)
                .set(k.STATUS, (Integer) null)
                .set(k.CONTENT_TYPE, (String) null)
                .set(k.ETAG, (String) null)
                .set(k.SEALED_BODY, (byte[]) null)
                .where(k.CREATED_AT.lt(expiry.answeredBefore())
                        .or(k.STATUS.isNull().and(k.CREATED_AT.lt(expiry.inFlightBefore()))))
                .execute() == 1;
    }

    private Optional<KeptRequest> find(IdempotencyKey key) {
        var k = IDEMPOTENCY_KEY;
        return dsl.select(k.REQUEST_HASH, k.STATUS, k.CONTENT_TYPE, k.ETAG, k.SEALED_BODY)
                .from(k)
                .where(is(key))
                .fetchOptional(row -> new KeptRequest(row.value1(), row.value2() == null ? Optional.empty()
                        : Optional.of(new RecordedAnswer(row.value2(), row.value3(), row.value4(), SealedAnswers.open(key, row.value5())))));
    }

    @Override
    public void saveAnswer(IdempotencyKey key, byte[] requestHash, RecordedAnswer answer) {
        var k = IDEMPOTENCY_KEY;
        dsl.update(k)
                .set(k.STATUS, answer.status())
                .set(k.CONTENT_TYPE, answer.contentType())
                .set(k.ETAG, answer.etag())
                .set(k.SEALED_BODY, SealedAnswers.seal(key, answer.body()))
                .where(is(key), k.REQUEST_HASH.eq(requestHash), k.STATUS.isNull())
                .execute();
    }

    @Override
    public void release(IdempotencyKey key, byte[] requestHash) {
        var k = IDEMPOTENCY_KEY;
        dsl.deleteFrom(k).where(is(key), k.REQUEST_HASH.eq(requestHash), k.STATUS.isNull()).execute();
    }

    /** Oldest first; rows another transaction holds are skipped rather than waited for. */
    @Override
    public int forget(Instant claimedBefore, int atMost) {
        var k = IDEMPOTENCY_KEY;
        return dsl.deleteFrom(k)
                .where(row(k.ACTOR_ID, k.STORE_ID, k.KEY_HASH).in(
                        select(k.ACTOR_ID, k.STORE_ID, k.KEY_HASH).from(k)
                                .where(k.CREATED_AT.lt(claimedBefore))
                                .orderBy(k.CREATED_AT)
                                .limit(atMost)
                                .forUpdate().skipLocked()))
                .execute();
    }

    private static Condition is(IdempotencyKey key) {
        var k = IDEMPOTENCY_KEY;
        return k.ACTOR_ID.eq(key.actorId()).and(k.STORE_ID.eq(key.storeId())).and(k.KEY_HASH.eq(SealedAnswers.keyHash(key)));
    }
}
