package io.storescheduler.application.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.idempotency.IdempotencyStore.Expiry;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} does, run on the in-memory fake the idempotency service
 * tests trust and on the jOOQ adapter over PostgreSQL. Left out, as only the database has them:
 * claims racing from concurrent transactions, and what the table keeps at rest (sealed answers,
 * no key in clear); the jOOQ test states those itself. Keys are not kept per store, so every
 * test makes its own; {@link IdempotencyStore#forget} is judged on claims older than any other
 * test makes.
 */
public abstract class IdempotencyStoreContract {

    protected static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    protected static final Expiry EXPIRY = new Expiry(NOW.minus(Duration.ofHours(24)), NOW.minus(Duration.ofMinutes(5)));
    protected static final byte[] REQUEST = "request-hash".getBytes(UTF_8);
    protected static final byte[] OTHER_REQUEST = "other-request-hash".getBytes(UTF_8);

    protected abstract IdempotencyStore store();

    @Test
    void an_answer_is_read_back_with_the_key() {
        var key = newKey(0, new StoreId(0));
        var answer = new RecordedAnswer(201, "application/json", "\"3\"", ("{\"token\":\"" + UUID.randomUUID() + "\"}").getBytes(UTF_8));
        store().claim(key, REQUEST, NOW, EXPIRY);

        store().saveAnswer(key, REQUEST, answer);

        assertEquals(Optional.of(answer), store().claim(key, REQUEST, NOW, EXPIRY).orElseThrow().answer());
    }

    @Test
    void an_answer_is_saved_only_for_the_request_holding_the_key_in_flight() {
        var key = newKey(0, new StoreId(0));
        var first = new RecordedAnswer(201, null, null, "first".getBytes(UTF_8));
        store().claim(key, REQUEST, NOW, EXPIRY);

        store().saveAnswer(key, OTHER_REQUEST, new RecordedAnswer(500, null, null, new byte[0]));
        assertEquals(Optional.empty(), store().claim(key, REQUEST, NOW, EXPIRY).orElseThrow().answer());
        store().saveAnswer(key, REQUEST, first);
        store().saveAnswer(key, REQUEST, new RecordedAnswer(409, null, null, "second".getBytes(UTF_8)));

        assertEquals(Optional.of(first), store().claim(key, REQUEST, NOW, EXPIRY).orElseThrow().answer());
    }

    @Test
    void a_new_key_is_claimed_and_then_held_in_flight_by_its_request() {
        var key = newKey(0, new StoreId(0));

        assertEquals(Optional.empty(), store().claim(key, REQUEST, NOW, EXPIRY));
        var held = store().claim(key, OTHER_REQUEST, NOW, EXPIRY).orElseThrow();

        assertArrayEquals(REQUEST, held.requestHash());
        assertEquals(Optional.empty(), held.answer());
    }


    @Test
    void a_key_counts_apart_for_each_actor_and_store() {
        var key = newKey(1, new StoreId(1));
        store().claim(key, REQUEST, NOW, EXPIRY);

        assertEquals(Optional.empty(), store().claim(new IdempotencyKey(2, new StoreId(1), key.value()), REQUEST, NOW, EXPIRY));
        assertEquals(Optional.empty(), store().claim(new IdempotencyKey(1, new StoreId(2), key.value()), REQUEST, NOW, EXPIRY));
    }


    @Test
    void an_answered_claim_older_than_its_expiry_is_overwritten_by_a_new_request() {
        var key = newKey(0, new StoreId(0));
        var dayAgo = EXPIRY.answeredBefore().minusSeconds(1);
        store().claim(key, REQUEST, dayAgo, EXPIRY);
        store().saveAnswer(key, REQUEST, new RecordedAnswer(201, null, null, new byte[0]));

        assertEquals(Optional.empty(), store().claim(key, OTHER_REQUEST, NOW, EXPIRY));
        var held = store().claim(key, REQUEST, NOW, EXPIRY).orElseThrow();
        assertArrayEquals(OTHER_REQUEST, held.requestHash());
        assertEquals(Optional.empty(), held.answer(), "the old answer went with the old claim");
    }


    @Test
    void an_unanswered_claim_lapses_at_the_in_flight_expiry_an_answered_one_does_not() {
        var unanswered = newKey(0, new StoreId(0));
        var answered = newKey(0, new StoreId(0));
        var minutesAgo = EXPIRY.inFlightBefore().minusSeconds(1);
        store().claim(unanswered, REQUEST, minutesAgo, EXPIRY);
        store().claim(answered, REQUEST, minutesAgo, EXPIRY);
        store().saveAnswer(answered, REQUEST, new RecordedAnswer(422, null, null, new byte[0]));

        assertEquals(Optional.empty(), store().claim(unanswered, REQUEST, NOW, EXPIRY));
        assertTrue(store().claim(answered, REQUEST, NOW, EXPIRY).orElseThrow().answer().isPresent());
    }


    @Test
    void release_frees_an_unanswered_claim_of_the_same_request_only() {
        var inFlight = newKey(0, new StoreId(0));
        var answered = newKey(0, new StoreId(0));
        store().claim(inFlight, REQUEST, NOW, EXPIRY);
        store().claim(answered, REQUEST, NOW, EXPIRY);
        store().saveAnswer(answered, REQUEST, new RecordedAnswer(201, null, null, new byte[0]));

        store().release(inFlight, OTHER_REQUEST);
        store().release(answered, REQUEST);
        assertTrue(store().claim(inFlight, REQUEST, NOW, EXPIRY).isPresent());
        assertTrue(store().claim(answered, REQUEST, NOW, EXPIRY).isPresent());

        store().release(inFlight, REQUEST);
        assertEquals(Optional.empty(), store().claim(inFlight, REQUEST, NOW, EXPIRY));
    }


    @Test
    void forget_removes_at_most_the_asked_number_of_claims_older_than_the_bound() {
        var longAgo = NOW.minus(Duration.ofDays(400));
        var fresh = newKey(0, new StoreId(0));
        store().claim(fresh, REQUEST, NOW, EXPIRY);
        for (int i = 0; i < 3; i++) {
            store().claim(newKey(0, new StoreId(0)), REQUEST, longAgo, EXPIRY);
        }

        assertEquals(2, store().forget(longAgo.plusSeconds(1), 2));
        assertEquals(1, store().forget(longAgo.plusSeconds(1), 10));
        assertEquals(0, store().forget(longAgo.plusSeconds(1), 10));
        assertTrue(store().claim(fresh, REQUEST, NOW, EXPIRY).isPresent(), "a fresh claim stays");
    }


    protected static IdempotencyKey newKey(long actorId, StoreId storeId) {
        return new IdempotencyKey(actorId, storeId, "key-" + UUID.randomUUID());
    }
}
