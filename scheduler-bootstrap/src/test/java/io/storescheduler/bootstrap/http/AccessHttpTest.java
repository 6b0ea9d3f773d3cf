package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may call what: authentication first, then the store check, then everything else. */
class AccessHttpTest {

    private static final String NO_SUCH_STORE = "/api/v1/stores/987654321";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_request_without_a_token_is_401_with_a_bearer_challenge(StoreSetup store) {

        for (var answer : List.of(
                server.api().get(null, store.path + "/rooms"),
                server.api().post(null, store.path + "/rooms", object("name", "Sneaky", "capacity", 4)),
                server.api().get(null, "/api/v1/stores"),
                server.api().send("GET", store.path + "/rooms", null, null, null, Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")),
                server.api().send("GET", store.path + "/rooms", null, null, null, Map.of("Authorization", "Bearer ")))) {
            answer.expectProblem(401, "unauthorized");
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
        }
        assertEquals(0, server.api().get(store.token, store.path + "/rooms").expect(200).get("total").asInt());
    }

    @Test
    void an_unknown_token_is_401(StoreSetup store) {

        var answer = server.api().get("not-a-real-token", store.path + "/rooms");

        answer.expectProblem(401, "unauthorized");
        assertEquals("Bearer", answer.header("WWW-Authenticate"));
        server.api().post("x".repeat(600), "/api/v1/stores", object("name", "x", "timezone", SHANGHAI)).expectProblem(401, "unauthorized");
    }

    @Test
    void a_staff_token_is_forbidden_on_another_store_whatever_the_body_or_ids() {
        var storeA = server.newStore(SHANGHAI);
        var storeB = server.newStore(SHANGHAI);
        var roomOfB = storeB.room("B room", 4);

        server.api().get(storeA.token, storeB.path).expectProblem(403, "forbidden");
        server.api().get(storeA.token, storeB.path + "/rooms").expectProblem(403, "forbidden");
        server.api().get(storeA.token, storeB.path + "/rooms/" + roomOfB).expectProblem(403, "forbidden");
        server.api().get(storeA.token, storeB.path + "/rooms/not-an-id").expectProblem(403, "forbidden");
        server.api().get(storeA.token, storeB.path + "/bookings/999999").expectProblem(403, "forbidden");
        server.api().get(storeA.token, storeB.path + "/rooms?limit=-5").expectProblem(403, "forbidden");
        server.api().post(storeA.token, storeB.path + "/rooms", "{not json at all").expectProblem(403, "forbidden");
        server.api().send("POST", storeB.path + "/rooms", storeA.token, "text/plain", "hello", Map.of()).expectProblem(403, "forbidden");
        server.api().post(storeA.token, storeB.path + "/bookings/incomplete", object("start_at", "yesterday", "status", "scheduled"))
                .expectProblem(403, "forbidden");
        server.api().post(storeA.token, storeB.path + "/bookings/1/confirm", null).expectProblem(403, "forbidden");
        server.api().get(storeA.token, NO_SUCH_STORE + "/rooms").expectProblem(403, "forbidden");
        server.api().get(storeA.token, "/api/v1/stores/abc/rooms").expectProblem(403, "forbidden");

        assertEquals(1, server.api().get(storeB.token, storeB.path + "/rooms").expect(200).get("total").asInt());
    }

    @Test
    void a_staff_token_may_neither_create_stores_nor_actors(StoreSetup store) {
        var storesBefore = server.api().get(server.adminToken, "/api/v1/stores").expect(200).get("total").asInt();

        server.api().post(store.token, "/api/v1/stores", object("name", "Mine now", "timezone", SHANGHAI)).expectProblem(403, "forbidden");
        server.api().post(store.token, "/api/v1/actors", object("name", "My friend", "store_ids", List.of(store.storeId), "admin", true))
                .expectProblem(403, "forbidden");
        server.api().post(store.token, "/api/v1/stores", "{garbage").expectProblem(403, "forbidden");

        assertEquals(storesBefore, server.api().get(server.adminToken, "/api/v1/stores").expect(200).get("total").asInt());
    }

    @Test
    void a_staff_token_lists_only_its_own_stores() {
        var mine = server.newStore(SHANGHAI);
        server.newStore(SHANGHAI);

        var listed = server.api().get(mine.token, "/api/v1/stores").expect(200);

        assertEquals(1, listed.get("total").asInt());
        assertEquals(1, listed.get("items").size());
        assertEquals(mine.storeId, listed.get("items").get(0).get("id").asLong());
        assertEquals(SHANGHAI, listed.get("items").get(0).get("timezone").asText());
        assertTrue(server.api().get(server.adminToken, "/api/v1/stores").expect(200).get("total").asInt() >= 2);
    }

    @Test
    void a_token_for_several_stores_works_on_each_of_them() {
        var first = server.newStore(SHANGHAI);
        var second = server.newStore(SHANGHAI);
        var actor = server.api().post(server.adminToken, "/api/v1/actors",
                object("name", "area manager", "store_ids", List.of(first.storeId, second.storeId))).expect(201);
        var token = actor.get("token").asText();
        assertTrue(token.length() >= 22, "a token carries at least 128 random bits");

        server.api().get(token, first.path + "/rooms").expect(200);
        server.api().get(token, second.path + "/rooms").expect(200);
        assertEquals(2, server.api().get(token, "/api/v1/stores").expect(200).get("total").asInt());
    }

    @Test
    void the_admin_gets_404_for_a_store_that_does_not_exist() {
        server.api().get(server.adminToken, NO_SUCH_STORE).expectProblem(404, "store_not_found");
        server.api().get(server.adminToken, NO_SUCH_STORE + "/rooms").expectProblem(404, "store_not_found");
        server.api().post(server.adminToken, NO_SUCH_STORE + "/rooms", object("name", "Ghost", "capacity", 4)).expectProblem(404, "store_not_found");
        server.api().get(server.adminToken, "/api/v1/stores/abc").expectProblem(404, "not_found");
    }

    @Test
    void an_id_of_another_store_in_the_path_is_not_found() {
        var storeA = server.newStore(SHANGHAI);
        var storeB = server.newStore(SHANGHAI);
        var roomOfB = storeB.room("B room", 4);
        var clientOfB = storeB.client("B client");
        var bookingOfB = storeB.incompleteBooking("2026-12-05T14:00:00+08:00", null);

        server.api().get(storeA.token, storeA.path + "/rooms/" + roomOfB).expectProblem(404, "room_not_found");
        server.api().get(storeA.token, storeA.path + "/clients/" + clientOfB).expectProblem(404, "client_not_found");
        server.api().get(storeA.token, storeA.path + "/bookings/" + bookingOfB).expectProblem(404, "booking_not_found");
        server.api().post(storeA.token, storeA.path + "/bookings/" + bookingOfB + "/confirm", null).expectProblem(404, "booking_not_found");
        server.api().get(server.adminToken, storeA.path + "/rooms/" + roomOfB).expectProblem(404, "room_not_found");

        assertEquals("B room", server.api().get(storeB.token, storeB.path + "/rooms/" + roomOfB).expect(200).get("name").asText());
    }

    @Test
    void an_id_of_another_store_in_a_body_is_422_and_changes_nothing() {
        var storeA = server.newStore(SHANGHAI);
        var storeB = server.newStore(SHANGHAI);
        var clientOfB = storeB.client("B client");
        var roomOfB = storeB.room("B room", 4);
        var scriptOfB = storeB.script("B script", 120, 1, 1);
        var dmOfB = storeB.dm("B dm");
        var bookingId = storeA.incompleteBooking("2026-12-05T14:00:00+08:00", storeA.script("A script", 120, 1, 0).id());
        var before = storeA.get(bookingId);

        server.api().post(storeA.token, storeA.booking(bookingId) + "/clients", object("client_id", clientOfB)).expectProblem(422, "client_not_found");
        server.api().post(storeA.token, storeA.booking(bookingId) + "/character-dm-matches", object("character_id", null, "dm_id", dmOfB))
                .expectProblem(422, "dm_not_found");
        server.api().patch(storeA.token, storeA.booking(bookingId), object("room_id", roomOfB), Map.of()).expectProblem(422, "room_not_found");
        server.api().patch(storeA.token, storeA.booking(bookingId), object("script_id", scriptOfB.id()), Map.of()).expectProblem(422, "script_not_found");
        storeA.createBooking("2026-12-05T14:00:00+08:00", scriptOfB.id(), null).expectProblem(422, "script_not_found");
        storeA.createBooking("2026-12-05T14:00:00+08:00", null, roomOfB).expectProblem(422, "room_not_found");

        assertEquals(before, storeA.get(bookingId));
    }
}
