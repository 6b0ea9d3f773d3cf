package io.storescheduler.adapter.jooq.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import io.storescheduler.application.idempotency.IdempotencyKey;
import io.storescheduler.application.idempotency.IdempotencyStore.Expiry;
import io.storescheduler.application.idempotency.IdempotencyStore;
import io.storescheduler.application.idempotency.RecordedAnswer;
import io.storescheduler.application.shared.TransactionRunner;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idempotency keys on the real PostgreSQL: claims, answers, expiry, and what is kept at rest. */
class JooqIdempotencyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-05T06:00:00Z");
    private static final Expiry EXPIRY = new Expiry(NOW.minus(Duration.ofHours(24)), NOW.minus(Duration.ofMinutes(5)));
    private static final byte[] REQUEST = "request-hash".getBytes(UTF_8);
    private static final byte[] OTHER_REQUEST = "other-request-hash".getBytes(UTF_8);

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final IdempotencyStore store = db.persistence().idempotency();
    private final TransactionRunner transactions = db.persistence().transactions();

    @Test
    void a_new_key_is_claimed_and_then_held_in_flight_by_its_request() {
        var key = newKey(0, 0);

        assertEquals(Optional.empty(), store.claim(key, REQUEST, NOW, EXPIRY));
        var held = store.claim(key, OTHER_REQUEST, NOW, EXPIRY).orElseThrow();

        assertArrayEquals(REQUEST, held.requestHash());
        assertEquals(Optional.empty(), held.answer());
    }

    @Test
    void an_answer_is_read_back_with_the_key_and_kept_neither_it_nor_the_key_readable_in_the_table() throws SQLException {
        var key = newKey(0, 0);
        var secret = "{\"token\":\"" + UUID.randomUUID() + "\"}";
        var answer = new RecordedAnswer(201, "application/json", "\"3\"", secret.getBytes(UTF_8));
        store.claim(key, REQUEST, NOW, EXPIRY);

        store.saveAnswer(key, REQUEST, answer);

        assertEquals(Optional.of(answer), store.claim(key, REQUEST, NOW, EXPIRY).orElseThrow().answer());
        var table = tableAsText();
        assertFalse(table.contains(hex(secret.getBytes(UTF_8))), "the answer's body is sealed");
        assertFalse(table.contains(hex(key.value().getBytes(UTF_8))), "the key itself is not kept");
    }

    @Test
    void a_key_counts_apart_for_each_actor_and_store() {
        var key = newKey(1, 1);
        store.claim(key, REQUEST, NOW, EXPIRY);

        assertEquals(Optional.empty(), store.claim(new IdempotencyKey(2, 1, key.value()), REQUEST, NOW, EXPIRY));
        assertEquals(Optional.empty(), store.claim(new IdempotencyKey(1, 2, key.value()), REQUEST, NOW, EXPIRY));
    }

    @Test
    void an_answered_claim_older_than_its_expiry_is_overwritten_by_a_new_request() {
        var key = newKey(0, 0);
        var dayAgo = EXPIRY.answeredBefore().minusSeconds(1);
        store.claim(key, REQUEST, dayAgo, EXPIRY);
        store.saveAnswer(key, REQUEST, new RecordedAnswer(201, null, null, new byte[0]));

        assertEquals(Optional.empty(), store.claim(key, OTHER_REQUEST, NOW, EXPIRY));
        var held = store.claim(key, REQUEST, NOW, EXPIRY).orElseThrow();
        assertArrayEquals(OTHER_REQUEST, held.requestHash());
        assertEquals(Optional.empty(), held.answer(), "the old answer went with the old claim");
    }

    @Test
    void an_unanswered_claim_lapses_at_the_in_flight_expiry_an_answered_one_does_not() {
        var unanswered = newKey(0, 0);
        var answered = newKey(0, 0);
        var minutesAgo = EXPIRY.inFlightBefore().minusSeconds(1);
        store.claim(unanswered, REQUEST, minutesAgo, EXPIRY);
        store.claim(answered, REQUEST, minutesAgo, EXPIRY);
        store.saveAnswer(answered, REQUEST, new RecordedAnswer(422, null, null, new byte[0]));

        assertEquals(Optional.empty(), store.claim(unanswered, REQUEST, NOW, EXPIRY));
        assertTrue(store.claim(answered, REQUEST, NOW, EXPIRY).orElseThrow().answer().isPresent());
    }

    @Test
    void release_frees_an_unanswered_claim_of_the_same_request_only() {
        var inFlight = newKey(0, 0);
        var answered = newKey(0, 0);
        store.claim(inFlight, REQUEST, NOW, EXPIRY);
        store.claim(answered, REQUEST, NOW, EXPIRY);
        store.saveAnswer(answered, REQUEST, new RecordedAnswer(201, null, null, new byte[0]));

        store.release(inFlight, OTHER_REQUEST);
        store.release(answered, REQUEST);
        assertTrue(store.claim(inFlight, REQUEST, NOW, EXPIRY).isPresent());
        assertTrue(store.claim(answered, REQUEST, NOW, EXPIRY).isPresent());

        store.release(inFlight, REQUEST);
        assertEquals(Optional.empty(), store.claim(inFlight, REQUEST, NOW, EXPIRY));
    }

    @Test
    void of_many_racing_claims_of_a_new_key_exactly_one_wins() throws Exception {
        var key = newKey(0, 0);
        var threads = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var claims = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < threads; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return transactions.inTransaction(() -> store.claim(key, REQUEST, NOW, EXPIRY)).isEmpty();
                }));
            }
            start.countDown();
            var won = 0;
            for (var claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forget_removes_at_most_the_asked_number_of_claims_older_than_the_bound() {
        var longAgo = NOW.minus(Duration.ofDays(400));
        var fresh = newKey(0, 0);
        store.claim(fresh, REQUEST, NOW, EXPIRY);
        for (int i = 0; i < 3; i++) {
            store.claim(newKey(0, 0), REQUEST, longAgo, EXPIRY);
        }

        assertEquals(2, store.forget(longAgo.plusSeconds(1), 2));
        assertEquals(1, store.forget(longAgo.plusSeconds(1), 10));
        assertEquals(0, store.forget(longAgo.plusSeconds(1), 10));
        assertTrue(store.claim(fresh, REQUEST, NOW, EXPIRY).isPresent(), "a fresh claim stays");
    }

    private static IdempotencyKey newKey(long actorId, long storeId) {
        return new IdempotencyKey(actorId, storeId, "key-" + UUID.randomUUID());
    }

    private static String tableAsText() throws SQLException {
        try (var connection = db.database().connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT string_agg(encode(key_hash, 'hex') || encode(coalesce(sealed_body, ''), 'hex'), '') FROM idempotency_key")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
