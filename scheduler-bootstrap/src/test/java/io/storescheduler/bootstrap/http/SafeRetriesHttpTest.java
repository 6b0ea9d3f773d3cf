package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.db.ScheduleLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Safe retries over HTTP: a POST that creates something, sent again with the same
 * {@code Idempotency-Key}, answers what it answered the first time and creates nothing new.
 */
class SafeRetriesHttpTest {

    private static final String KEY = "Idempotency-Key";
    // a safety net so a request that never answers fails the test instead of hanging it
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** One route that creates something: who posts what where, and how many of the things there are now. */
    private record Creation(String token, String path, Object body, LongSupplier count) {

        Answer post(Map<String, String> headers) {
            return server.api().post(token, path, body, headers);
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"stores", "actors", "rooms", "scripts", "dms", "clients", "slots", "bookings/incomplete",
        "bookings/{id}/clients", "bookings/{id}/character-client-matches", "bookings/{id}/character-dm-matches"})
    void a_retry_with_the_same_key_replays_the_first_answer_and_creates_nothing_new(String route) {
        var creation = creation(route);
        var key = Map.of(KEY, UUID.randomUUID().toString());
        var before = creation.count().getAsLong();

        var first = creation.post(key);
        first.expect(201);
        var retry = creation.post(key);

        assertEquals(201, retry.status());
        assertEquals(first.text(), retry.text());
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.header("Content-Type"), retry.header("Content-Type"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(before + 1, creation.count().getAsLong(), "the retry created nothing");
    }

    @Test
    void a_replayed_new_actor_carries_the_same_working_token() {
        var admin = server.adminToken;
        var key = Map.of(KEY, UUID.randomUUID().toString());
        var body = object("name", "retried desk", "store_ids", List.of(), "admin", false);

        var first = server.api().post(admin, "/api/v1/actors", body, key).expect(201);
        var retry = server.api().post(admin, "/api/v1/actors", body, key).expect(201);

        assertEquals(first, retry);
        server.api().get(retry.get("token").asText(), "/api/v1/stores").expect(200);
    }

    @Test
    void the_same_key_sent_with_another_body_or_to_another_route_is_refused_with_422(StoreSetup store) {
        var key = Map.of(KEY, UUID.randomUUID().toString());
        store.api.post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 4), key).expect(201);

        store.api.post(store.token, store.path + "/rooms", object("name", "Attic", "capacity", 4), key)
                .expectProblem(422, "idempotency_key_reused");
        store.api.post(store.token, store.path + "/dms", object("name", "Den"), key)
                .expectProblem(422, "idempotency_key_reused");

        assertEquals(1, total(store.token, store.path + "/rooms"));
        assertEquals(0, total(store.token, store.path + "/dms"));
    }

    @Test
    void a_refused_request_is_replayed_as_refused_and_a_corrected_one_needs_a_new_key(StoreSetup store) {
        var key = Map.of(KEY, UUID.randomUUID().toString());
        var invalid = object("name", "Closet", "capacity", 0);

        var first = store.api.post(store.token, store.path + "/rooms", invalid, key);
        first.expectProblem(422, "invalid_value");
        var retry = store.api.post(store.token, store.path + "/rooms", invalid, key);

        assertEquals(422, retry.status());
        assertEquals(first.text(), retry.text());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        store.api.post(store.token, store.path + "/rooms", object("name", "Closet", "capacity", 2), key)
                .expectProblem(422, "idempotency_key_reused");
        store.api.post(store.token, store.path + "/rooms", object("name", "Closet", "capacity", 2), Map.of(KEY, UUID.randomUUID().toString()))
                .expect(201);
        assertEquals(1, total(store.token, store.path + "/rooms"));
    }

    @Test
    void a_key_counts_apart_for_each_actor_and_each_store(StoreSetup store) {
        var otherStore = server.newStore(SHANGHAI);
        var colleague = server.api().post(server.adminToken, "/api/v1/actors",
                object("name", "second desk", "store_ids", List.of(store.storeId), "admin", false)).expect(201).get("token").asText();
        var key = Map.of(KEY, "shared-key");
        var body = object("name", "Li Wei", "phone", "13800000000");

        var byDesk = store.api.post(store.token, store.path + "/clients", body, key).expect(201).get("id").asLong();
        var byColleague = store.api.post(colleague, store.path + "/clients", body, key).expect(201).get("id").asLong();
        var byAdmin = store.api.post(server.adminToken, store.path + "/clients", body, key).expect(201).get("id").asLong();
        var inOtherStore = otherStore.api.post(otherStore.token, otherStore.path + "/clients", body, key).expect(201).get("id").asLong();

        assertEquals(4, List.of(byDesk, byColleague, byAdmin, inOtherStore).stream().distinct().count());
        assertEquals(3, total(store.token, store.path + "/clients"));
        assertEquals(byColleague, store.api.post(colleague, store.path + "/clients", body, key).expect(201).get("id").asLong());
        assertEquals(3, total(store.token, store.path + "/clients"));
    }

    @Test
    void a_retry_while_the_first_request_still_runs_is_refused_with_409_and_replays_once_it_has_answered(StoreSetup store) throws Exception {
        var script = store.script("Slow night", 120, 1, 1);
        var dm = store.dm("Host");
        var bookingId = store.incompleteBooking(TWO_PM, script.id());
        var path = store.booking(bookingId) + "/character-dm-matches";
        var body = object("character_id", script.dmCharacterIds().get(0), "dm_id", dm);
        var key = Map.of(KEY, UUID.randomUUID().toString());
        var pool = Executors.newSingleThreadExecutor();
        try (var scheduleLock = server.connectToDatabase()) {
            // a DM match takes the store's schedule lock: while the test holds it, the first request
            // has claimed its key and waits inside its work
            ScheduleLocks.hold(scheduleLock, store.storeId);
            var first = pool.submit(() -> store.api.post(store.token, path, body, key));
            sessionWaitingForTheScheduleLock();

            store.api.post(store.token, path, body, key).expectProblem(409, "idempotency_key_in_flight");

            scheduleLock.rollback();
            var answered = first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            answered.expect(201);
            var retry = store.api.post(store.token, path, body, key);
            assertEquals(201, retry.status());
            assertEquals(answered.text(), retry.text());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, store.get(bookingId).get("character_dm_matches").size());
    }

    @Test
    void a_request_that_failed_on_the_servers_side_frees_its_key_so_its_retry_runs_again(StoreSetup store) throws Exception {
        var dm = store.dm("Host");
        var bookingId = store.incompleteBooking(TWO_PM, null);
        var path = store.booking(bookingId) + "/character-dm-matches";
        var body = object("character_id", null, "dm_id", dm);
        var key = Map.of(KEY, UUID.randomUUID().toString());
        var pool = Executors.newSingleThreadExecutor();
        try (var scheduleLock = server.connectToDatabase()) {
            ScheduleLocks.hold(scheduleLock, store.storeId);
            var first = pool.submit(() -> store.api.post(store.token, path, body, key));
            // the first request's connection is lost while it waits inside its work: a 503
            execute(scheduleLock, "SELECT pg_terminate_backend(" + sessionWaitingForTheScheduleLock() + ")");
            first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).expectProblem(503, "database_unavailable");
            scheduleLock.rollback();
        } finally {
            pool.shutdownNow();
        }

        var retry = store.api.post(store.token, path, body, key);

        retry.expect(201);
        assertNull(retry.header("Idempotent-Replayed"), "the retry ran, it was not replayed");
        assertEquals(1, store.get(bookingId).get("character_dm_matches").size());
    }

    @Test
    void a_key_of_up_to_200_printable_characters_is_accepted_a_longer_one_refused_with_400(StoreSetup store) {

        store.api.post(store.token, store.path + "/dms", object("name", "Long"), Map.of(KEY, "k".repeat(201)))
                .expectProblem(400, "invalid_idempotency_key");
        assertEquals(0, total(store.token, store.path + "/dms"));
        store.api.post(store.token, store.path + "/dms", object("name", "Long"), Map.of(KEY, "k".repeat(200))).expect(201);
    }

    @Test
    void requests_without_a_key_are_each_their_own(StoreSetup store) {
        var body = object("name", "Twice");

        var first = store.api.post(store.token, store.path + "/dms", body).expect(201);
        var second = store.api.post(store.token, store.path + "/dms", body).expect(201);

        assertNotEquals(first.get("id"), second.get("id"));
    }

    @Test
    void the_store_and_token_checks_come_before_the_key(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var key = Map.of(KEY, UUID.randomUUID().toString());

        store.api.post(store.token, other.path + "/dms", object("name", "Intruder"), key).expectProblem(403, "forbidden");
        other.api.post(other.token, other.path + "/dms", object("name", "Intruder"), key).expect(201);
    }

    private Creation creation(String route) {
        var admin = server.adminToken;
        if (route.equals("stores")) {
            return new Creation(admin, "/api/v1/stores", object("name", "Retried store", "timezone", SHANGHAI),
                    () -> total(admin, "/api/v1/stores"));
        }
        if (route.equals("actors")) {
            return new Creation(admin, "/api/v1/actors", object("name", "Retried desk", "store_ids", List.of(), "admin", false),
                    () -> total(admin, "/api/v1/actors"));
        }
        var store = server.newStore(SHANGHAI);
        var token = store.token;
        var script = store.script("Retried script", 120, 1, 1);
        var bookingId = store.incompleteBooking(TWO_PM, script.id());
        var booking = store.booking(bookingId);
        return switch (route) {
            case "rooms" -> new Creation(token, store.path + "/rooms", object("name", "Den", "capacity", 4), () -> total(token, store.path + "/rooms"));
            case "scripts" -> new Creation(token, store.path + "/scripts", object("name", "Again", "duration_minutes", 90,
                    "characters", List.of(Map.of("name", "Heir"))), () -> total(token, store.path + "/scripts"));
            case "dms" -> new Creation(token, store.path + "/dms", object("name", "Host"), () -> total(token, store.path + "/dms"));
            case "clients" -> new Creation(token, store.path + "/clients", object("name", "Guest"), () -> total(token, store.path + "/clients"));
            case "slots" -> new Creation(token, store.path + "/slots", object("start_at", "2026-12-06T10:00:00+08:00"),
                    () -> total(token, store.path + "/slots"));
            case "bookings/incomplete" -> new Creation(token, store.path + "/bookings/incomplete", object("start_at", TWO_PM),
                    () -> total(token, store.path + "/bookings"));
            case "bookings/{id}/clients" -> new Creation(token, booking + "/clients", object("client_id", store.client("Guest")),
                    () -> store.get(bookingId).get("client_ids").size());
            case "bookings/{id}/character-client-matches" -> {
                var clientId = store.client("Player");
                store.addClient(bookingId, clientId);
                yield new Creation(token, booking + "/character-client-matches",
                        object("character_id", script.playerCharacterIds().get(0), "client_id", clientId),
                        () -> store.get(bookingId).get("character_client_matches").size());
            }
            case "bookings/{id}/character-dm-matches" -> new Creation(token, booking + "/character-dm-matches",
                    object("character_id", null, "dm_id", store.dm("Host")), () -> store.get(bookingId).get("character_dm_matches").size());
            default -> throw new IllegalArgumentException(route);
        };
    }

    private static long total(String token, String listPath) {
        return server.api().get(token, listPath).expect(200).get("total").asLong();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The server session that waits for the store's schedule lock, once there is one; polls, never measures. */
    private static int sessionWaitingForTheScheduleLock() throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        try (var connection = server.connectToDatabase()) {
            while (System.nanoTime() < deadline) {
                var waiting = ScheduleLocks.waitingSessions(connection);
                if (!waiting.isEmpty()) {
                    return waiting.getFirst();
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("no request started waiting for the store's schedule lock");
    }
}
