package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changing the catalogue: {@code PATCH} of rooms, scripts, DMs and clients. */
class CatalogueRoutesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_room_is_renamed_resized_and_deactivated_and_reads_back_so(StoreSetup store) {
        var roomId = store.room("Library", 6);

        var patched = server.api().patch(store.token, room(store, roomId), object("name", "Study", "capacity", 8, "active", false))
                .expect(200);

        assertEquals("Study", patched.get("name").asText());
        assertEquals(8, patched.get("capacity").asInt());
        assertFalse(patched.get("active").asBoolean());
        assertEquals(patched, server.api().get(store.token, room(store, roomId)).expect(200));
    }

    @Test
    void a_patch_keeps_every_field_it_leaves_out(StoreSetup store) {
        var roomId = store.room("Library", 6);

        var patched = server.api().patch(store.token, room(store, roomId), object("capacity", 4)).expect(200);
        var unchanged = server.api().patch(store.token, room(store, roomId), object()).expect(200);

        assertEquals("Library", patched.get("name").asText());
        assertEquals(4, patched.get("capacity").asInt());
        assertTrue(patched.get("active").asBoolean());
        assertEquals(patched, unchanged);
    }

    @Test
    void renaming_a_room_to_the_name_of_another_in_any_case_is_409_and_to_its_own_in_another_case_is_fine(StoreSetup store) {
        store.room("Library", 6);
        var studyId = store.room("Study", 6);

        server.api().patch(store.token, room(store, studyId), object("name", "LIBRARY")).expectProblem(409, "room_name_taken");
        assertEquals("Study", server.api().get(store.token, room(store, studyId)).expect(200).get("name").asText());

        var renamed = server.api().patch(store.token, room(store, studyId), object("name", "STUDY")).expect(200);
        assertEquals("STUDY", renamed.get("name").asText());
    }

    @Test
    void a_room_name_taken_in_another_store_is_free_here(StoreSetup store) {
        server.newStore(SHANGHAI).room("Library", 6);
        var roomId = store.room("Study", 6);

        assertEquals("Library", server.api().patch(store.token, room(store, roomId), object("name", "Library"))
                .expect(200).get("name").asText());
    }

    @Test
    void a_script_is_renamed_and_retimed_and_keeps_its_characters(StoreSetup store) {
        var script = store.script("Night Train", 240, 2, 1);
        var before = server.api().get(store.token, script(store, script.id())).expect(200);

        var patched = server.api().patch(store.token, script(store, script.id()), object("name", "Night Train II", "duration_minutes", 180))
                .expect(200);

        assertEquals("Night Train II", patched.get("name").asText());
        assertEquals(180, patched.get("duration_minutes").asInt());
        assertEquals(before.get("characters"), patched.get("characters"));
    }

    @Test
    void a_script_patch_may_not_change_the_characters(StoreSetup store) {
        var script = store.script("Night Train", 240, 2, 1);

        server.api().patch(store.token, script(store, script.id()), object("characters", List.of(Map.of("name", "Stowaway"))))
                .expectProblem(400, "unknown_field");
    }

    @Test
    void a_new_script_duration_applies_to_bookings_that_take_the_script_afterwards(StoreSetup store) {
        var script = store.script("Night Train", 240, 1, 0);
        var before = store.incompleteBooking("2026-12-05T14:00:00+08:00", script.id());

        server.api().patch(store.token, script(store, script.id()), object("duration_minutes", 120)).expect(200);
        var after = store.createBooking("2026-12-05T14:00:00+08:00", script.id(), null).expect(201);

        assertEquals("2026-12-05T18:00:00+08:00", store.get(before).get("end_at").asText());
        assertEquals("2026-12-05T16:00:00+08:00", after.get("end_at").asText());
    }

    @Test
    void a_dm_is_renamed_and_deactivated_and_an_inactive_dm_cannot_join_a_booking(StoreSetup store) {
        var dmId = store.dm("Mr. Host");
        var bookingId = store.incompleteBooking("2026-12-05T14:00:00+08:00", null);

        var patched = server.api().patch(store.token, dm(store, dmId), object("name", "Ms. Host", "active", false)).expect(200);

        assertEquals("Ms. Host", patched.get("name").asText());
        assertFalse(patched.get("active").asBoolean());
        server.api().post(store.token, store.booking(bookingId) + "/character-dm-matches", object("character_id", null, "dm_id", dmId))
                .expectProblem(422, "dm_inactive");
    }

    @Test
    void a_client_is_renamed_and_its_phone_cleared_with_null(StoreSetup store) {
        var clientId = store.client("Li Wei");

        var renamed = server.api().patch(store.token, client(store, clientId), object("name", "Li Na")).expect(200);
        var cleared = server.api().patch(store.token, client(store, clientId), object("phone", null)).expect(200);

        assertEquals("+86 138 0000 0000", renamed.get("phone").asText());
        assertEquals("Li Na", cleared.get("name").asText());
        assertTrue(cleared.get("phone").isNull());
        assertEquals(cleared, server.api().get(store.token, client(store, clientId)).expect(200));
    }

    @Test
    void an_unknown_field_a_null_that_clears_nothing_or_a_wrong_type_is_400(StoreSetup store) {
        var roomId = store.room("Library", 6);
        var dmId = store.dm("Mr. Host");
        var clientId = store.client("Li Wei");

        server.api().patch(store.token, room(store, roomId), object("store_id", store.storeId)).expectProblem(400, "unknown_field");
        server.api().patch(store.token, room(store, roomId), object("id", 5)).expectProblem(400, "unknown_field");
        server.api().patch(store.token, room(store, roomId), object("name", null)).expectProblem(400, "invalid_type");
        server.api().patch(store.token, room(store, roomId), object("capacity", "8")).expectProblem(400, "invalid_type");
        server.api().patch(store.token, room(store, roomId), object("active", "no")).expectProblem(400, "invalid_type");
        server.api().patch(store.token, dm(store, dmId), object("active", null)).expectProblem(400, "invalid_type");
        server.api().patch(store.token, client(store, clientId), object("name", null)).expectProblem(400, "invalid_type");
        server.api().patch(store.token, room(store, roomId), "{\"name\": ").expectProblem(400, "malformed_json");

        assertEquals("Library", server.api().get(store.token, room(store, roomId)).expect(200).get("name").asText());
    }

    @Test
    void a_value_out_of_the_create_bounds_is_422(StoreSetup store) {
        var roomId = store.room("Library", 6);
        var script = store.script("Night Train", 240, 1, 0);
        var dmId = store.dm("Mr. Host");
        var clientId = store.client("Li Wei");

        server.api().patch(store.token, room(store, roomId), object("capacity", 0)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, room(store, roomId), object("capacity", 1001)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, room(store, roomId), object("name", "")).expectProblem(422, "invalid_value");
        server.api().patch(store.token, script(store, script.id()), object("duration_minutes", 0)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, script(store, script.id()), object("duration_minutes", 1441)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, script(store, script.id()), object("name", "n".repeat(201))).expectProblem(422, "invalid_value");
        server.api().patch(store.token, dm(store, dmId), object("name", "n".repeat(101))).expectProblem(422, "invalid_value");
        server.api().patch(store.token, client(store, clientId), object("phone", "1".repeat(41))).expectProblem(422, "invalid_value");

        assertEquals(6, server.api().get(store.token, room(store, roomId)).expect(200).get("capacity").asInt());
    }

    @Test
    void an_id_of_another_store_in_the_path_is_404_and_changes_nothing(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var roomOfOther = other.room("Their room", 6);
        var scriptOfOther = other.script("Their script", 120, 1, 0);
        var dmOfOther = other.dm("Their DM");
        var clientOfOther = other.client("Their client");

        server.api().patch(store.token, room(store, roomOfOther), object("name", "Mine")).expectProblem(404, "room_not_found");
        server.api().patch(store.token, script(store, scriptOfOther.id()), object("name", "Mine")).expectProblem(404, "script_not_found");
        server.api().patch(store.token, dm(store, dmOfOther), object("name", "Mine")).expectProblem(404, "dm_not_found");
        server.api().patch(store.token, client(store, clientOfOther), object("name", "Mine")).expectProblem(404, "client_not_found");
        server.api().patch(store.token, store.path + "/rooms/not-an-id", object("name", "Mine")).expectProblem(404, "not_found");

        assertEquals("Their room", server.api().get(other.token, room(other, roomOfOther)).expect(200).get("name").asText());
    }

    @Test
    void a_staff_token_of_another_store_is_403_whatever_the_body(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var roomOfOther = other.room("Their room", 6);

        server.api().patch(store.token, room(other, roomOfOther), object("name", "Mine")).expectProblem(403, "forbidden");
        server.api().patch(store.token, room(other, roomOfOther), "{garbage").expectProblem(403, "forbidden");
        server.api().patch(null, room(other, roomOfOther), object("name", "Mine")).expectProblem(401, "unauthorized");

        assertEquals("Their room", server.api().get(other.token, room(other, roomOfOther)).expect(200).get("name").asText());
    }

    private static String room(StoreSetup store, long roomId) {
        return store.path + "/rooms/" + roomId;
    }

    private static String script(StoreSetup store, long scriptId) {
        return store.path + "/scripts/" + scriptId;
    }

    private static String dm(StoreSetup store, long dmId) {
        return store.path + "/dms/" + dmId;
    }

    private static String client(StoreSetup store, long clientId) {
        return store.path + "/clients/" + clientId;
    }
}
