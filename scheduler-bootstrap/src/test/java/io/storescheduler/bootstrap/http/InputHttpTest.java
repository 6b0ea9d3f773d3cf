package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed or invalid input is refused with a precise problem, never a 500 or a leak, and a
 * refused write changes nothing. These pin the fields each refusal names on a few routes;
 * {@code HostileInputHttpTest} holds every route to every kind of malformed body.
 */
class InputHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_value_of_the_wrong_type_is_400_naming_the_field(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", "3"))
                .expectProblem(400, "invalid_type"), "capacity");
        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 3.5))
                .expectProblem(400, "invalid_type"), "capacity");
        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", 7, "capacity", 3))
                .expectProblem(400, "invalid_type"), "name");
        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 3, "active", "yes"))
                .expectProblem(400, "invalid_type"), "active");
        var script = object("name", "Typed", "duration_minutes", 60, "characters", List.of(Map.of("name", "A", "is_dm", "no")));
        assertNamesField(server.api().post(store.token, store.path + "/scripts", script).expectProblem(400, "invalid_type"), "characters[0].is_dm");

        assertRoomCount(store, 0);
    }

    @Test
    void a_missing_required_field_is_400_naming_it(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den")).expectProblem(400, "missing_field"), "capacity");
        assertNamesField(store.createBooking(null, null, null).expectProblem(400, "missing_field"), "start_at");

        assertRoomCount(store, 0);
    }

    @Test
    void an_unknown_field_or_one_the_caller_may_not_set_is_400(StoreSetup store) {
        var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);
        var before = store.get(bookingId);

        for (var field : List.of("capcity", "status", "store_id", "version", "id")) {
            var body = object("name", "Den", "capacity", 3, field, field.equals("status") ? "scheduled" : 1);
            assertNamesField(server.api().post(store.token, store.path + "/rooms", body).expectProblem(400, "unknown_field"), field);
        }
        for (var field : List.of("status", "store_id", "version", "slot_id", "end_at", "client_ids", "has_conflict")) {
            var body = object("start_at", "2026-12-05T14:00:00+08:00", field, field.equals("status") ? "scheduled" : 1);
            assertNamesField(server.api().post(store.token, store.path + "/bookings/incomplete", body).expectProblem(400, "unknown_field"), field);
            var patch = object("note", "sneaky", field, field.equals("status") ? "scheduled" : 1);
            assertNamesField(server.api().patch(store.token, store.booking(bookingId), patch, Map.of()).expectProblem(400, "unknown_field"), field);
        }

        assertRoomCount(store, 0);
        assertEquals(before, store.get(bookingId));
    }

    @Test
    void a_well_formed_value_out_of_bounds_is_422(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 0))
                .expectProblem(422, "invalid_value"), "capacity");
        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "", "capacity", 3))
                .expectProblem(422, "invalid_value"), "name");
        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "x".repeat(101), "capacity", 3))
                .expectProblem(422, "invalid_value"), "name");
        server.api().post(store.token, store.path + "/scripts", object("name", "DM only", "duration_minutes", 60,
                "characters", List.of(Map.of("name", "Host", "is_dm", true)))).expectProblem(422, "script_without_player_character");
        server.api().post(server.adminToken, "/api/v1/stores", object("name", "Nowhere", "timezone", "Mars/Olympus"))
                .expectProblem(422, "invalid_timezone");
        var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);
        server.api().patch(store.token, store.booking(bookingId), object("note", "n".repeat(2001)), Map.of()).expectProblem(422, "invalid_value");

        assertRoomCount(store, 0);
        assertEquals(0, server.api().get(store.token, store.path + "/scripts").expect(200).get("total").asInt());
        assertTrue(store.get(bookingId).get("note").isNull());
    }

    @Test
    void a_room_name_taken_in_any_case_is_409(StoreSetup store) {
        store.room("Library", 6);

        server.api().post(store.token, store.path + "/rooms", object("name", "LIBRARY", "capacity", 4)).expectProblem(409, "room_name_taken");

        assertRoomCount(store, 1);
    }

    @Test
    void a_datetime_without_an_offset_is_400_naming_the_field(StoreSetup store) {
        var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);

        assertNamesField(store.createBooking("2026-12-05T14:00:00", null, null).expectProblem(400, "invalid_datetime"), "start_at");
        assertNamesField(server.api().patch(store.token, store.booking(bookingId), object("start_at", "2026-12-05T15:00:00"), Map.of())
                .expectProblem(400, "invalid_datetime"), "start_at");

        assertEquals("2026-12-05T14:00:00+08:00", store.get(bookingId).get("start_at").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00+08:00", "2026-13-01T10:00:00+08:00", "2026-12-05T24:30:00+08:00",
            "2026-12-05T14:00:00+19:00", "2026-12-05", "tomorrow at two"})
    void an_impossible_or_malformed_datetime_is_400_naming_the_field(String startAt) {
        var store = server.newStore(SHANGHAI);

        assertNamesField(store.createBooking(startAt, null, null).expectProblem(400, "invalid_datetime"), "start_at");
    }

    @Test
    void a_datetime_given_as_a_number_is_400_naming_the_field(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/bookings/incomplete", "{\"start_at\": 1733378400}")
                .expectProblem(400, "invalid_type"), "start_at");
    }

    @Test
    void a_body_that_is_not_declared_json_is_415(StoreSetup store) {
        var json = "{\"name\": \"Den\", \"capacity\": 3}";

        server.api().send("POST", store.path + "/rooms", store.token, "text/plain", json, Map.of()).expectProblem(415, "unsupported_media_type");
        server.api().send("POST", store.path + "/rooms", store.token, "application/x-www-form-urlencoded", "name=Den&capacity=3", Map.of())
                .expectProblem(415, "unsupported_media_type");
        server.api().send("POST", store.path + "/rooms", store.token, null, json, Map.of()).expectProblem(415, "unsupported_media_type");

        assertRoomCount(store, 0);
        server.api().send("POST", store.path + "/rooms", store.token, "application/json; charset=utf-8", json, Map.of()).expect(201);
    }

    @Test
    void a_body_over_one_mebibyte_is_413(StoreSetup store) {
        var body = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"capacity\": 3}";

        server.api().post(store.token, store.path + "/rooms", body).expectProblem(413, "body_too_large");

        assertRoomCount(store, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "offset=-1", "limit=abc", "limit=1.5", "offset=", "limit=99999999999"})
    void a_bad_paging_parameter_is_400(String query) {
        var store = server.newStore(SHANGHAI);

        for (var list : List.of("/rooms", "/scripts", "/dms", "/clients")) {
            var problem = server.api().get(store.token, store.path + list + "?" + query).expectProblem(400, "invalid_parameter");
            assertNamesField(problem, query.substring(0, query.indexOf('=')));
        }
        server.api().get(server.adminToken, "/api/v1/stores?" + query).expectProblem(400, "invalid_parameter");
    }

    @Test
    void a_list_answers_items_limit_offset_and_total_in_a_stable_order(StoreSetup store) {
        var first = store.room("Cellar", 4);
        var second = store.room("Attic", 4);
        var third = store.room("Hall", 4);

        var all = server.api().get(store.token, store.path + "/rooms").expect(200);
        var page = server.api().get(store.token, store.path + "/rooms?limit=1&offset=1").expect(200);
        var beyond = server.api().get(store.token, store.path + "/rooms?limit=200&offset=10").expect(200);

        assertEquals(50, all.get("limit").asInt());
        assertEquals(0, all.get("offset").asInt());
        assertEquals(3, all.get("total").asInt());
        var order = all.get("items").findValuesAsText("id").stream().map(Long::valueOf).toList();
        assertEquals(List.of(first, second, third).stream().sorted().toList(), order.stream().sorted().toList());
        assertEquals(1, page.get("limit").asInt());
        assertEquals(1, page.get("offset").asInt());
        assertEquals(3, page.get("total").asInt());
        assertEquals(1, page.get("items").size());
        assertEquals(order.get(1), page.get("items").get(0).get("id").asLong());
        assertEquals(0, beyond.get("items").size());
        assertEquals(3, beyond.get("total").asInt());
        assertEquals(all, server.api().get(store.token, store.path + "/rooms").expect(200));
    }

    @Test
    void a_client_search_filters_by_name_or_phone(StoreSetup store) {
        server.api().post(store.token, store.path + "/clients", object("name", "Li Wei", "phone", "13800001111")).expect(201);
        server.api().post(store.token, store.path + "/clients", object("name", "Zhang San", "phone", "13900002222")).expect(201);

        assertEquals(List.of("Li Wei"), server.api().get(store.token, store.path + "/clients?q=li").expect(200).get("items").findValuesAsText("name"));
        assertEquals(List.of("Zhang San"), server.api().get(store.token, store.path + "/clients?q=2222").expect(200).get("items").findValuesAsText("name"));
        assertEquals(0, server.api().get(store.token, store.path + "/clients?q=%25").expect(200).get("total").asInt());
        server.api().get(store.token, store.path + "/clients?q=" + "x".repeat(101)).expectProblem(400, "invalid_parameter");
    }

    @Test
    void a_path_id_that_is_not_a_positive_number_is_404(StoreSetup store) {

        for (var path : List.of("/rooms/abc", "/rooms/0", "/rooms/-1", "/rooms/1.0", "/rooms/99999999999999999999",
                "/scripts/abc", "/dms/abc", "/clients/abc", "/bookings/abc", "/bookings/abc/confirm")) {
            var answer = path.endsWith("confirm") ? server.api().post(store.token, store.path + path, null) : server.api().get(store.token, store.path + path);
            answer.expectProblem(404, "not_found");
        }
    }

    @Test
    void an_unknown_route_is_a_problem_too(StoreSetup store) {

        server.api().get(store.token, "/api/v1/nothing-here").expectProblem(404, "not_found");
        server.api().get(store.token, store.path + "/rooms/1/nothing").expectProblem(404, "not_found");
    }

    @Test
    void the_health_probes_answer_without_a_token() {
        assertEquals("up", server.api().get(null, "/health/live").expect(200).get("status").asText());
        assertEquals("ready", server.api().get(null, "/health/ready").expect(200).get("status").asText());
    }

    @Test
    void a_number_too_large_for_its_field_is_400_naming_the_field(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/rooms", "{\"name\": \"Den\", \"capacity\": 99999999999999999999}")
                .expectProblem(400, "invalid_type"), "capacity");
        assertNamesField(server.api().post(store.token, store.path + "/bookings/incomplete",
                "{\"start_at\": \"2026-12-05T14:00:00+08:00\", \"script_id\": 99999999999999999999}")
                .expectProblem(400, "invalid_type"), "script_id");

        assertRoomCount(store, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"})
    void a_datetime_beyond_the_supported_range_is_refused_naming_the_field(String startAt) {
        var store = server.newStore(SHANGHAI);

        assertNamesField(store.createBooking(startAt, null, null).expectProblem(400, "invalid_datetime"), "start_at");
    }

    @Test
    void a_nul_character_in_a_string_is_refused_naming_the_field(StoreSetup store) {

        assertNamesField(server.api().post(store.token, store.path + "/rooms", object("name", "Den\u0000", "capacity", 3))
                .expectProblem(422, "invalid_value"), "name");
        assertNamesField(server.api().post(store.token, store.path + "/clients", object("name", "Li", "phone", "138\u0000"))
                .expectProblem(422, "invalid_value"), "phone");
        assertNamesField(server.api().get(store.token, store.path + "/clients?q=%00").expectProblem(400, "invalid_parameter"), "q");

        assertRoomCount(store, 0);
    }

    private static void assertRoomCount(StoreSetup store, int expected) {
        assertEquals(expected, server.api().get(store.token, store.path + "/rooms").expect(200).get("total").asInt());
    }

    private static void assertNamesField(JsonNode problem, String field) {
        var named = problem.path("errors").findValuesAsText("field");
        assertTrue(named.contains(field), () -> "expected errors naming " + field + " in " + problem);
    }
}
