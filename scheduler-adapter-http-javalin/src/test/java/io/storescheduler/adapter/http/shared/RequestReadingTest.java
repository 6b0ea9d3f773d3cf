package io.storescheduler.adapter.http.shared;

import static io.storescheduler.adapter.http.shared.HttpCalls.assertProblem;
import static io.storescheduler.adapter.http.shared.HttpCalls.errorFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.http.shared.HttpCalls.Answer;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.RoomId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the HTTP adapter reads bodies, parameters and If-Match, on a bare Javalin with no use case
 * and no database behind it: each refusal's status, code and field, as the API spells them.
 */
class RequestReadingTest {

    record Party(@NotNull @Positive Long clientId, Boolean host) {}

    record Sample(@NotNull @Size(max = 5) String displayName, @Positive Integer seatCount, List<@Valid Party> party) {}

    record SamplePatch(@Size(max = 5) String displayName, @Positive Integer seatCount) {}

    record TypedIds(BookingId bookingId, RoomId roomId) {}

    private static HttpCalls calls;

    @BeforeAll
    static void start() {
        var bodies = HttpCalls.bodies();
        calls = HttpCalls.serve(routes -> {
            routes.post("/body", ctx -> ctx.result(bodies.body(ctx, Sample.class).displayName()));
            routes.patch("/body", ctx -> ctx.result(String.join(",", new TreeSet<>(
                    bodies.patch(ctx, SamplePatch.class, Set.of("seat_count")).fields()))));
            routes.get("/items/{item_id}", ctx -> ctx.result(Long.toString(Parameters.pathId(ctx, "item_id"))));
            routes.get("/query", ctx -> ctx.result(Parameters.idParam(ctx, "room_id") + " " + Parameters.page(ctx).limit()
                    + " " + Parameters.textParam(ctx, "q", 3) + " " + Parameters.window(ctx, ZoneOffset.UTC).from()));
            routes.get("/bookings/{booking_id}", ctx -> ctx.result(Json.mapper().writeValueAsString(new TypedIds(
                    Parameters.pathId(ctx, "booking_id", BookingId::new), Parameters.idParam(ctx, "room_id", RoomId::new)))));
            routes.put("/versioned", ctx -> ctx.result(Long.toString(IfMatch.version(ctx).orElse(-1))));
        });
    }

    @AfterAll
    static void stop() {
        calls.stop();
    }

    @Test
    void a_body_is_read_into_its_record_and_its_bounds_are_checked_by_snake_case_name() throws Exception {
        assertEquals(200, send("POST", "/body", "{\"display_name\":\"Ann\",\"party\":[{\"client_id\":1}]}").status());

        var tooLong = send("POST", "/body", "{\"display_name\":\"Annabel\",\"seat_count\":0}");
        assertProblem(tooLong, 422, "invalid_value");
        assertEquals(List.of("display_name", "seat_count"), errorFields(tooLong));

        var nested = send("POST", "/body", "{\"display_name\":\"Ann\",\"party\":[{\"client_id\":-1}]}");
        assertEquals(List.of("party[0].client_id"), errorFields(nested));

        var missing = send("POST", "/body", "{\"seat_count\":2}");
        assertProblem(missing, 400, "missing_field");
        assertEquals(List.of("display_name"), errorFields(missing));
    }

    @Test
    void malformed_bodies_are_refused_before_a_record_exists() throws Exception {
        assertProblem(send("POST", "/body", "{\"display_name\":"), 400, "malformed_json");
        assertProblem(send("POST", "/body", "[1]"), 400, "malformed_json");
        assertProblem(send("POST", "/body", "{\"display_name\":\"Ann\",\"admin\":true}"), 400, "unknown_field");
        assertProblem(send("POST", "/body", "{\"display_name\":7}"), 400, "invalid_type");
        assertProblem(send("POST", "/body", "{\"display_name\":\"Ann\",\"party\":null}"), 400, "invalid_type");
        assertProblem(send("POST", "/body", "{\"display_name\":\"A\\u0000\"}"), 422, "invalid_value");
        assertProblem(send("POST", "/body", "{\"display_name\":\"\\ud800\"}"), 400, "invalid_unicode");
        assertProblem(send("POST", "/body", "{\"a\":".repeat(40) + "1" + "}".repeat(40)), 400, "body_too_complex");
        assertProblem(send("POST", "/body", "text/plain", "{}"), 415, "unsupported_media_type");
        var huge = "{\"display_name\":\"" + "x".repeat((int) RequestBody.MAX_BYTES) + "\"}";
        assertProblem(send("POST", "/body", huge), 413, "body_too_large");
    }

    @Test
    void a_patch_knows_its_fields_and_clears_only_what_may_be_cleared() throws Exception {
        var patched = send("PATCH", "/body", "{\"display_name\":\"Bo\",\"seat_count\":null}");
        assertEquals(200, patched.status());
        assertEquals("display_name,seat_count", patched.body());
        assertProblem(send("PATCH", "/body", "{\"display_name\":null}"), 400, "invalid_type");
        assertProblem(send("PATCH", "/body", "{\"seat_count\":-3}"), 422, "invalid_value");
    }

    @Test
    void every_id_is_a_positive_whole_number_a_path_id_otherwise_a_404_a_filter_a_400() throws Exception {
        assertEquals("12", send("GET", "/items/12", null).body());
        for (var bad : List.of("0", "-4", "x1", "99999999999999999999", "1.5")) {
            assertProblem(send("GET", "/items/" + bad, null), 404, "not_found");
            assertProblem(send("GET", "/query?room_id=" + bad, null), 400, "invalid_parameter");
        }
        assertEquals("7 50 ab 2026-12-05T14:00:00Z", send("GET", "/query?room_id=7&q=ab&from=2026-12-05T14:00:00Z", null).body());
    }

    @Test
    void typed_ids_are_read_and_refused_as_the_numbers_are_and_written_as_bare_numbers() throws Exception {
        assertEquals("{\"booking_id\":12,\"room_id\":7}", send("GET", "/bookings/12?room_id=7", null).body());
        assertEquals("{\"booking_id\":12,\"room_id\":null}", send("GET", "/bookings/12", null).body());
        for (var bad : List.of("0", "-4", "x1", "99999999999999999999", "1.5")) {
            var path = send("GET", "/bookings/" + bad, null);
            assertProblem(path, 404, "not_found");
            assertEquals("no booking '" + bad + "'", path.json().path("detail").asText());
            var query = send("GET", "/bookings/12?room_id=" + bad, null);
            assertProblem(query, 400, "invalid_parameter");
            assertEquals(List.of("room_id"), errorFields(query));
        }
    }

    @Test
    void query_parameters_are_refused_by_name() throws Exception {
        var limit = send("GET", "/query?limit=0", null);
        assertProblem(limit, 400, "invalid_parameter");
        assertEquals(List.of("limit"), errorFields(limit));
        assertProblem(send("GET", "/query?q=abcd", null), 400, "invalid_parameter");
        assertProblem(send("GET", "/query?from=2026-12-05T14:00:00+08:00", null), 400, "invalid_datetime");
        var backwards = send("GET", "/query?from=2026-12-06T00:00:00Z&to=2026-12-05T00:00:00Z", null);
        assertEquals(List.of("from"), errorFields(backwards));
    }

    @Test
    void if_match_takes_a_version_etag_in_its_usual_spellings() throws Exception {
        for (var tag : Map.of("\"3\"", "3", "W/\"3\"", "3", "3", "3", "*", "-1").entrySet()) {
            assertEquals(tag.getValue(), send("PUT", "/versioned", null, Map.of("If-Match", tag.getKey())).body());
        }
        assertEquals("-1", send("PUT", "/versioned", null).body());
        assertProblem(send("PUT", "/versioned", null, Map.of("If-Match", "\"abc\"")), 400, "invalid_if_match");
    }

    private static Answer send(String method, String path, String json) throws Exception {
        return send(method, path, "application/json", json, Map.of());
    }

    private static Answer send(String method, String path, String json, Map<String, String> headers) throws Exception {
        return send(method, path, "application/json", json, headers);
    }

    private static Answer send(String method, String path, String type, String body) throws Exception {
        return send(method, path, type, body, Map.of());
    }

    private static Answer send(String method, String path, String type, String body, Map<String, String> headers) throws Exception {
        var withType = new HashMap<>(headers);
        withType.put("Content-Type", type);
        return calls.send(method, path, body, withType);
    }
}
