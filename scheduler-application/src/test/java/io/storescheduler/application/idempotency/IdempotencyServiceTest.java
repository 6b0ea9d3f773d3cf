package io.storescheduler.application.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.idempotency.IdempotencyUseCase.KeyedRequest;
import io.storescheduler.application.idempotency.IdempotencyUseCase.Start;
import io.storescheduler.application.shared.MovableClock;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyServiceTest {

    private static final String PATH = "/api/v1/stores/7/rooms";
    private static final RecordedAnswer CREATED = new RecordedAnswer(201, "application/json", null, "{\"id\":1}".getBytes(UTF_8));

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private final TransactionRunner directly = new TransactionRunner() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> Outcome<T> attempt(Supplier<Outcome<T>> work) {
            return work.get();
        }
    };
    private final IdempotencyService service = new IdempotencyService(store, directly, clock);

    @Test
    void the_first_request_with_a_key_proceeds_and_its_retry_replays_the_answer() {
        var request = request(1, 7, "key-1", "{\"name\":\"Den\"}");

        assertInstanceOf(Start.Proceed.class, service.start(request));
        service.finish(request, CREATED);

        var retry = assertInstanceOf(Start.Replay.class, service.start(request(1, 7, "key-1", "{\"name\":\"Den\"}")));
        assertEquals(CREATED, retry.answer());
    }

    @Test
    void a_retry_while_the_first_request_runs_is_told_it_is_in_flight() {
        var request = request(1, 7, "key-1", "{}");
        service.start(request);

        assertInstanceOf(Start.InFlight.class, service.start(request));
    }

    @Test
    void the_same_key_with_another_body_path_or_method_is_a_reused_key() {
        var request = request(1, 7, "key-1", "{\"name\":\"Den\"}");
        service.start(request);
        service.finish(request, CREATED);

        assertInstanceOf(Start.KeyReused.class, service.start(request(1, 7, "key-1", "{\"name\":\"Attic\"}")));
        assertInstanceOf(Start.KeyReused.class, service.start(new KeyedRequest(request.key(), "POST", PATH + "x", request.body())));
        assertInstanceOf(Start.KeyReused.class, service.start(new KeyedRequest(request.key(), "PUT", PATH, request.body())));
    }

    @Test
    void a_key_counts_apart_for_each_actor_and_store() {
        service.finish(started(request(1, 7, "shared", "{}")), CREATED);

        assertInstanceOf(Start.Proceed.class, service.start(request(2, 7, "shared", "{}")));
        assertInstanceOf(Start.Proceed.class, service.start(request(1, 8, "shared", "{}")));
    }

    @Test
    void an_abandoned_request_runs_again_on_retry() {
        var request = started(request(1, 7, "key-1", "{}"));

        service.abandon(request);

        assertInstanceOf(Start.Proceed.class, service.start(request));
    }

    @Test
    void an_answered_key_is_kept_for_a_day_and_then_counts_as_new() {
        var request = started(request(1, 7, "key-1", "{}"));
        service.finish(request, CREATED);

        clock.move(IdempotencyService.RETENTION.minusSeconds(1));
        assertInstanceOf(Start.Replay.class, service.start(request));
        clock.move(Duration.ofSeconds(2));
        assertInstanceOf(Start.Proceed.class, service.start(request(1, 7, "key-1", "{\"another\":true}")));
    }

    @Test
    void a_request_that_never_answered_stops_holding_its_key_after_the_lease() {
        var request = started(request(1, 7, "key-1", "{}"));

        clock.move(IdempotencyService.IN_FLIGHT_LEASE.minusSeconds(1));
        assertInstanceOf(Start.InFlight.class, service.start(request));
        clock.move(Duration.ofSeconds(2));
        assertInstanceOf(Start.Proceed.class, service.start(request));
    }

    @Test
    void a_keyed_request_forgets_keys_older_than_a_day() {
        service.finish(started(request(1, 7, "old", "{}")), CREATED);
        clock.move(IdempotencyService.RETENTION.plusSeconds(1));

        started(request(1, 7, "new", "{}"));

        assertEquals(1, store.size());
    }

    @Test
    void forgetting_expired_keys_takes_as_many_batches_as_it_needs_and_keeps_the_live_ones() {
        var expired = 2 * IdempotencyService.FORGOTTEN_PER_BATCH + 3;
        for (int i = 0; i < expired; i++) {
            started(request(1, 7, "old-" + i, "{}"));
        }
        clock.move(Duration.ofSeconds(1));
        for (int i = 0; i < 4; i++) {
            started(request(1, 7, "live-" + i, "{}"));
        }
        // the old keys are a second past their retention, the live ones exactly at it
        clock.move(IdempotencyService.RETENTION);

        assertEquals(expired, service.forgetExpired());
        assertEquals(4, store.size());
        assertEquals(0, service.forgetExpired());
    }

    @Test
    void a_request_is_known_by_its_exact_bytes() {
        var a = IdempotencyService.hash(request(1, 7, "k", "{\"a\":1}"));
        var b = IdempotencyService.hash(request(1, 7, "k", "{\"a\": 1}"));
        var c = IdempotencyService.hash(new KeyedRequest(new IdempotencyKey(1, new StoreId(7), "k"), "POS", "T" + PATH, "{\"a\":1}".getBytes(UTF_8)));

        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c), "method and path do not run together");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "é-accented"})
    void a_key_that_is_blank_or_not_printable_ascii_is_invalid(String value) {
        assertFalse(IdempotencyKey.isValid(value));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey(1, new StoreId(7), value));
    }

    @Test
    void a_key_is_at_most_two_hundred_characters() {
        assertTrue(IdempotencyKey.isValid("k".repeat(IdempotencyKey.MAX_LENGTH)));
        assertFalse(IdempotencyKey.isValid("k".repeat(IdempotencyKey.MAX_LENGTH + 1)));
    }

    private KeyedRequest started(KeyedRequest request) {
        assertInstanceOf(Start.Proceed.class, service.start(request));
        return request;
    }

    private static KeyedRequest request(long actorId, long storeId, String key, String body) {
        return new KeyedRequest(new IdempotencyKey(actorId, new StoreId(storeId), key), "POST", PATH, body.getBytes(UTF_8));
    }
}
