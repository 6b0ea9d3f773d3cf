package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request ids on every answer and log line; one JSON access-log line per request; never a token in the logs. */
class RequestLogHttpTest {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_answer_carries_a_request_id_and_problems_repeat_it() {
        var store = server.newStore("UTC");
        var answers = List.of(
                server.api().get(null, "/health/live"),
                server.api().get(null, "/api/v1/stores"),
                server.api().get(store.token, "/api/v1/no-such-route"),
                server.api().post(store.token, store.path + "/rooms", "{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"capacity\": 3}"));

        assertEquals(List.of(200, 401, 404, 413), answers.stream().map(ApiClient.Answer::status).toList());
        for (var answer : answers) {
            var id = answer.header("X-Request-Id");
            assertTrue(id != null && UUID_SHAPE.matcher(id).matches(), () -> "request id " + id + " on " + answer.text());
            if (answer.status() >= 400) {
                assertEquals(id, answer.json().path("request_id").asText(), answer.text());
            }
        }
        assertEquals(4, answers.stream().map(a -> a.header("X-Request-Id")).distinct().count(), "each request its own id");
    }

    @Test
    void a_usable_request_id_is_kept_and_an_unusable_one_replaced() {
        var usable = "trace-" + UUID.randomUUID() + ":1.a_b";
        var tooLong = "x".repeat(129);
        var unsafe = "id with spaces";

        assertEquals(usable, withRequestId(usable).header("X-Request-Id"));
        assertEquals(usable, server.api().send("GET", "/api/v1/stores", null, null, null, Map.of("X-Request-Id", usable))
                .expectProblem(401, "unauthorized").path("request_id").asText());
        for (var unusable : List.of(tooLong, unsafe)) {
            var answered = withRequestId(unusable).header("X-Request-Id");
            assertNotEquals(unusable, answered);
            assertTrue(UUID_SHAPE.matcher(answered).matches(), answered);
        }
    }

    @Test
    void each_request_writes_one_json_access_line_with_its_request_id_route_and_store(StoreSetup store) throws Exception {
        var roomId = store.room("Study", 4);
        var requestId = "access-" + UUID.randomUUID();

        try (var logs = new LogCapture()) {
            server.api().send("GET", store.path + "/rooms/" + roomId, store.token, null, null, Map.of("X-Request-Id", requestId)).expect(200);

            var line = logs.await(json -> requestId.equals(json.path("request_id").asText())).orElseThrow(
                    () -> new AssertionError("no log line with request id " + requestId + " in " + logs.lines()));
            assertEquals("GET", line.path("method").asText());
            assertEquals("/api/v1/stores/{store_id}/rooms/{room_id}", line.path("route").asText());
            assertEquals(store.path + "/rooms/" + roomId, line.path("path").asText());
            assertEquals(200, line.path("status").asInt());
            assertEquals(store.storeId, line.path("store_id").asLong());
            assertTrue(line.path("duration_ms").isNumber(), line.toString());
            assertEquals("INFO", line.path("level").asText());
            assertTrue(line.has("@timestamp"), line.toString());
            assertEquals(1, logs.lines().stream().filter(l -> l.contains(requestId)).count(), "one line per request");
        }
    }

    @Test
    void no_log_line_ever_holds_a_token() throws Exception {
        var tokens = new ArrayList<String>();
        tokens.add(server.adminToken);
        var unknownToken = "unknown-" + UUID.randomUUID();
        tokens.add(unknownToken);
        String lastRequestId;
        try (var logs = new LogCapture()) {
            var store = server.newStore(SHANGHAI);
            tokens.add(store.token);
            var created = server.api().post(server.adminToken, "/api/v1/actors",
                    object("name", "second desk", "store_ids", List.of(store.storeId), "admin", false),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
            var secondToken = created.get("token").asText();
            tokens.add(secondToken);
            store.room("Hall", 6);
            store.client("Li Wei");
            server.api().get(secondToken, store.path + "/rooms").expect(200);
            server.api().get(unknownToken, store.path + "/rooms").expectProblem(401, "unauthorized");
            server.api().send("GET", store.path + "/rooms", null, null, null, Map.of("Authorization", secondToken)).expectProblem(401, "unauthorized");
            server.api().delete(server.adminToken, "/api/v1/actors/" + created.get("id").asLong()).expect(204);
            var last = server.api().get(secondToken, store.path + "/rooms");
            last.expectProblem(401, "unauthorized");
            lastRequestId = last.header("X-Request-Id");

            logs.await(json -> lastRequestId.equals(json.path("request_id").asText())).orElseThrow();
            var lines = logs.lines();
            assertTrue(lines.size() >= 9, () -> "the requests were logged: " + lines);
            for (var token : tokens) {
                assertFalse(token.isBlank());
                var leaking = lines.stream().filter(line -> line.contains(token)).toList();
                assertTrue(leaking.isEmpty(), () -> "a token is in the logs: " + leaking);
            }
        }
    }

    private static ApiClient.Answer withRequestId(String requestId) {
        var answer = server.api().send("GET", "/health/live", null, null, null, Map.of("X-Request-Id", requestId));
        answer.expect(200);
        return answer;
    }

}
