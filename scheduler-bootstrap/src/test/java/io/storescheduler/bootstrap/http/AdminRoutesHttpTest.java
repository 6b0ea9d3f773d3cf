package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin's routes beyond creating: changing a store, listing actors, revoking one. */
class AdminRoutesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void an_admin_renames_a_store_and_moves_it_to_another_time_zone_and_bookings_show_the_new_offset(StoreSetup store) {
        var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);

        var patched = server.api().patch(server.adminToken, store.path, object("name", "Mystery House", "timezone", "Europe/Berlin"))
                .expect(200);

        assertEquals(store.storeId, patched.get("id").asLong());
        assertEquals("Mystery House", patched.get("name").asText());
        assertEquals("Europe/Berlin", patched.get("timezone").asText());
        assertEquals(patched, server.api().get(store.token, store.path).expect(200));
        assertEquals("2026-12-05T07:00:00+01:00", store.get(bookingId).get("start_at").asText(), "the same instant, at the new offset");
    }

    @Test
    void a_store_patch_keeps_what_it_leaves_out(StoreSetup store) {
        var before = server.api().get(store.token, store.path).expect(200);

        var patched = server.api().patch(server.adminToken, store.path, object("name", "Renamed")).expect(200);

        assertEquals("Renamed", patched.get("name").asText());
        assertEquals(before.get("timezone"), patched.get("timezone"));
    }

    @Test
    void a_staff_token_may_not_change_even_its_own_store(StoreSetup store) {

        server.api().patch(store.token, store.path, object("name", "Mine now")).expectProblem(403, "forbidden");
        server.api().patch(store.token, store.path, "{garbage").expectProblem(403, "forbidden");
        server.api().patch(null, store.path, object("name", "Mine now")).expectProblem(401, "unauthorized");

        assertFalse(server.api().get(store.token, store.path).expect(200).get("name").asText().equals("Mine now"));
    }

    @Test
    void changing_a_store_that_does_not_exist_is_404() {
        server.api().patch(server.adminToken, "/api/v1/stores/987654321", object("name", "Ghost")).expectProblem(404, "store_not_found");
        server.api().patch(server.adminToken, "/api/v1/stores/abc", object("name", "Ghost")).expectProblem(404, "not_found");
    }

    @Test
    void a_store_patch_with_a_bad_time_zone_is_422_and_a_malformed_one_400(StoreSetup store) {

        server.api().patch(server.adminToken, store.path, object("timezone", "Mars/Olympus")).expectProblem(422, "invalid_timezone");
        server.api().patch(server.adminToken, store.path, object("timezone", "+08:00")).expectProblem(422, "invalid_timezone");
        server.api().patch(server.adminToken, store.path, object("name", "")).expectProblem(422, "invalid_value");
        server.api().patch(server.adminToken, store.path, object("timezone", null)).expectProblem(400, "invalid_type");
        server.api().patch(server.adminToken, store.path, object("id", 7)).expectProblem(400, "unknown_field");
        server.api().patch(server.adminToken, store.path, object("name", 7)).expectProblem(400, "invalid_type");

        assertEquals(SHANGHAI, server.api().get(store.token, store.path).expect(200).get("timezone").asText());
    }

    @Test
    void the_admin_lists_actors_with_their_stores_and_never_their_tokens(StoreSetup store) {
        var name = "auditor " + UUID.randomUUID();
        var created = server.api().post(server.adminToken, "/api/v1/actors", object("name", name, "store_ids", List.of(store.storeId), "admin", false))
                .expect(201);

        var actors = allActors();
        var listed = actors.stream().filter(actor -> actor.get("id").asLong() == created.get("id").asLong()).findFirst().orElseThrow();

        assertEquals(name, listed.get("name").asText());
        assertEquals(List.of(store.storeId), longs(listed.get("store_ids")));
        assertFalse(listed.get("admin").asBoolean());
        assertTrue(actors.stream().noneMatch(actor -> actor.has("token") || actor.has("token_hash")), actors::toString);
        var ordered = actors.stream().map(actor -> actor.get("id").asLong()).toList();
        assertEquals(ordered.stream().sorted().toList(), ordered, "by id");
    }

    @Test
    void the_actor_list_pages() {
        server.newStore(SHANGHAI);
        server.newStore(SHANGHAI);

        var first = server.api().get(server.adminToken, "/api/v1/actors?limit=1&offset=0").expect(200);
        var second = server.api().get(server.adminToken, "/api/v1/actors?limit=1&offset=1").expect(200);

        assertEquals(1, first.get("items").size());
        assertEquals(1, first.get("limit").asInt());
        assertTrue(first.get("total").asInt() >= 2);
        assertTrue(first.get("items").get(0).get("id").asLong() < second.get("items").get(0).get("id").asLong());
        server.api().get(server.adminToken, "/api/v1/actors?limit=0").expectProblem(400, "invalid_parameter");
    }

    @Test
    void a_staff_token_may_neither_list_nor_revoke_actors(StoreSetup store) {
        var other = server.newStore(SHANGHAI);

        server.api().get(store.token, "/api/v1/actors").expectProblem(403, "forbidden");
        server.api().delete(store.token, "/api/v1/actors/" + actorIdOf(other.token)).expectProblem(403, "forbidden");
        server.api().delete(store.token, "/api/v1/actors/not-an-id").expectProblem(403, "forbidden");

        server.api().get(other.token, other.path).expect(200);
    }

    @Test
    void a_revoked_token_is_refused_at_once(StoreSetup store) {
        server.api().get(store.token, store.path + "/rooms").expect(200);
        var actorId = actorIdOf(store.token);

        var revoked = server.api().delete(server.adminToken, "/api/v1/actors/" + actorId);

        assertEquals(204, revoked.status());
        assertTrue(revoked.text().isEmpty());
        var refused = server.api().get(store.token, store.path + "/rooms");
        refused.expectProblem(401, "unauthorized");
        assertEquals("Bearer", refused.header("WWW-Authenticate"));
        assertTrue(allActors().stream().noneMatch(actor -> actor.get("id").asLong() == actorId));
        server.api().get(server.adminToken, store.path).expect(200);
    }

    @Test
    void revoking_an_actor_that_does_not_exist_is_404(StoreSetup store) {
        var actorId = actorIdOf(store.token);
        server.api().delete(server.adminToken, "/api/v1/actors/" + actorId).expect(204);

        server.api().delete(server.adminToken, "/api/v1/actors/" + actorId).expectProblem(404, "actor_not_found");
        server.api().delete(server.adminToken, "/api/v1/actors/987654321").expectProblem(404, "actor_not_found");
        server.api().delete(server.adminToken, "/api/v1/actors/abc").expectProblem(404, "not_found");
    }

    /** The id of the staff actor a store was set up with: the only actor allowed for that store alone. */
    private static long actorIdOf(String token) {
        var storeId = server.api().get(token, "/api/v1/stores").expect(200).get("items").get(0).get("id").asLong();
        return allActors().stream()
                .filter(actor -> longs(actor.get("store_ids")).equals(List.of(storeId)) && !actor.get("admin").asBoolean())
                .findFirst().orElseThrow().get("id").asLong();
    }

    private static List<JsonNode> allActors() {
        var actors = new ArrayList<JsonNode>();
        for (var offset = 0; ; offset += 200) {
            var page = server.api().get(server.adminToken, "/api/v1/actors?limit=200&offset=" + offset).expect(200);
            page.get("items").forEach(actors::add);
            if (actors.size() >= page.get("total").asInt()) {
                return actors;
            }
        }
    }
}
