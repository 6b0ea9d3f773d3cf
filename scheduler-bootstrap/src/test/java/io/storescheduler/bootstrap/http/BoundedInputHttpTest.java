package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits every body is read within (nesting depth 32, 10,000 tokens), the text it may carry
 * (no lone surrogates) and the datetimes it may name (microseconds, years 1..9999 and a standard
 * offset at the store's): each refusal is a 400 problem with its own code, naming no class of the
 * server, and changes nothing.
 */
class BoundedInputHttpTest {

    private static final List<String> LEAKS = List.of("`", "jackson", "Jackson", "StreamReadConstraints", "ObjectNode", "Exception",
            "DeserializationFeature", "com.fasterxml");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_body_huge_as_a_tree_is_refused_while_it_is_parsed(StoreSetup store) {
        var before = DatabaseSnapshot.whole(server);

        var tokens = List.of(HostileBodies.manyItems(), HostileBodies.manyKeys(20_000));
        for (var body : tokens) {
            var problem = refused(store.api.post(store.token, store.path + "/rooms", body), "body_too_complex");
            assertTrue(problem.path("detail").asText().contains("10000"), problem::toString);
        }
        var deep = List.of(HostileBodies.deepArrays(999), HostileBodies.deepObjects(999), HostileBodies.deepArrays(33),
                "[".repeat(999) + "]".repeat(999));
        for (var body : deep) {
            var problem = refused(store.api.post(store.token, store.path + "/rooms", body), "body_too_complex");
            assertTrue(problem.path("detail").asText().contains("32"), problem::toString);
        }

        assertEquals(before, DatabaseSnapshot.whole(server), "a refused body changed rows");
    }

    @Test
    void the_largest_valid_bodies_fit_the_limits(StoreSetup store) {
        var characters = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 100; i++) {
            characters.add(Map.of("name", "Character " + i, "is_dm", i == 0));
        }
        var script = store.api.post(store.token, store.path + "/scripts", object("name", "Crowd", "duration_minutes", 60, "characters", characters))
                .expect(201);
        assertEquals(100, script.get("characters").size());

        var nested = store.api.post(store.token, store.path + "/rooms", HostileBodies.deepArrays(31));
        nested.expectProblem(400, "invalid_type");
    }

    @Test
    void many_hostile_bodies_at_once_are_all_refused_and_other_requests_are_answered(StoreSetup store) throws Exception {
        var before = DatabaseSnapshot.whole(server);
        var bodies = List.of(HostileBodies.manyItems(), HostileBodies.deepArrays(999), HostileBodies.manyKeys(20_000));
        var threads = Collections.<Callable<List<String>>>nCopies(8, () -> bodies.stream()
                .map(body -> store.api.post(store.token, store.path + "/rooms", body).expectProblem(400, "body_too_complex").path("code").asText())
                .toList());

        var codes = Racing.atOnce(threads, () -> store.api.get(store.token, store.path + "/rooms").expect(200));

        assertEquals(Collections.nCopies(8, Collections.nCopies(bodies.size(), "body_too_complex")), codes);
        assertEquals(before, DatabaseSnapshot.whole(server), "a refused body changed rows");
    }

    @Test
    void a_fresh_server_whose_first_request_is_999_deep_refuses_it() {
        try (var cold = TestServer.start()) {
            var setup = cold.newStore("UTC");
            var before = DatabaseSnapshot.whole(cold);

            refused(cold.api().post(setup.token, setup.path + "/rooms", HostileBodies.deepObjects(999)), "body_too_complex");

            assertEquals(before, DatabaseSnapshot.whole(cold), "a refused body changed rows");
        }
    }

    @Test
    void malformed_json_is_described_without_the_parsers_words(StoreSetup store) {
        for (var body : List.of("{\"name\":\"Den\",\"name\":\"Den\",\"capacity\":3}", "{\"name\": ", "{,}", "{\"capacity\": 01}")) {
            refused(store.api.post(store.token, store.path + "/rooms", body), "malformed_json");
        }
    }

    @Test
    void a_lone_surrogate_anywhere_is_400_and_a_pair_is_kept(StoreSetup store) {
        var before = DatabaseSnapshot.whole(server);
        for (var name : List.of("a\\ud800b", "\\udc00", "end\\ud83d")) {
            var problem = refused(store.api.post(store.token, store.path + "/rooms", "{\"name\":\"" + name + "\",\"capacity\":3}"), "invalid_unicode");
            assertEquals("name", problem.path("errors").get(0).path("field").asText(), problem::toString);
        }
        // in a field name, Jackson itself refuses some lone surrogates as malformed: a 400 either way
        var inName = store.api.post(store.token, store.path + "/rooms", "{\"name\":\"Den\",\"capacity\":3,\"\\ud800\":1}");
        assertTrue(List.of("invalid_unicode", "malformed_json").contains(inName.json().path("code").asText()), inName.text());
        refused(inName, inName.json().path("code").asText());
        refused(store.api.post(store.token, store.path + "/scripts",
                "{\"name\":\"S\",\"duration_minutes\":60,\"characters\":[{\"name\":\"x\\udfff\"}]}"), "invalid_unicode");
        assertEquals(before, DatabaseSnapshot.whole(server), "a refused body changed rows");

        var room = store.api.post(store.token, store.path + "/rooms", "{\"name\":\"Smile \\ud83d\\ude00\",\"capacity\":3}").expect(201);
        assertEquals("Smile \uD83D\uDE00", room.get("name").asText());
    }

    @Test
    void a_datetime_finer_than_a_microsecond_is_400_and_microseconds_are_kept(StoreSetup store) {
        var refused = store.createBooking("2026-12-05T14:00:00.1234567+08:00", null, null);
        assertEquals("start_at", refused(refused, "invalid_datetime").path("errors").get(0).path("field").asText());

        var created = store.createBooking("2026-12-05T14:00:00.123456+08:00", null, null).expect(201);
        assertEquals("2026-12-05T14:00:00.123456+08:00", created.get("start_at").asText());
        var read = store.get(created.get("id").asLong());
        for (var field : List.of("start_at", "end_at", "created_at", "updated_at")) {
            assertEquals(created.get(field), read.get(field), field + ": the write answered what a read does not give back");
        }
    }

    @Test
    void a_datetime_the_store_could_not_answer_back_is_400_naming_the_field(StoreSetup store) {
        var utc = server.newStore("UTC");
        var booking = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);
        var before = DatabaseSnapshot.whole(server);

        // year 0000 and year 10000 at UTC; local mean time (+08:05:43) in Shanghai before 1901
        for (var startAt : List.of("0001-01-01T05:00:00+08:00", "9999-12-31T23:00:00-08:00")) {
            refused(utc.createBooking(startAt, null, null), "invalid_datetime");
        }
        for (var startAt : List.of("1900-06-01T10:00:00+08:00", "0001-01-01T00:00:00Z")) {
            refused(store.createBooking(startAt, null, null), "invalid_datetime");
            refused(store.api.post(store.token, store.path + "/slots", object("start_at", startAt)), "invalid_datetime");
            refused(store.api.patch(store.token, store.booking(booking), object("start_at", startAt), Map.of()), "invalid_datetime");
        }
        var listed = store.api.get(store.token, store.path + "/bookings?from=1900-06-01T10:00:00%2B08:00");
        assertEquals("from", refused(listed, "invalid_datetime").path("errors").get(0).path("field").asText());
        refused(store.api.get(store.token, store.path + "/slots?to=1900-06-01T10:00:00%2B08:00"), "invalid_datetime");

        assertEquals(before, DatabaseSnapshot.whole(server), "a refused datetime changed rows");
        var modern = store.createBooking("1901-06-01T10:00:00+08:00", null, null).expect(201);
        assertEquals("1901-06-01T10:00:00+08:00", modern.get("start_at").asText());
    }

    /** Asserts a 400 problem with this code whose detail quotes nothing of the server's insides; answers it. */
    private static JsonNode refused(ApiClient.Answer answer, String code) {
        var problem = answer.expectProblem(400, code);
        for (var leak : LEAKS) {
            assertFalse(answer.text().contains(leak), () -> "the problem quotes '" + leak + "': " + answer.text());
        }
        return problem;
    }
}
