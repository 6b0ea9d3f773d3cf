package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The booking flow of the seed, end to end over HTTP against the real PostgreSQL. */
class BookingFlowHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void an_incomplete_booking_is_refused_until_its_party_is_matched_then_scheduled_at_the_store_offset(StoreSetup store) {
        var roomId = store.room("Library", 6);
        var script = store.script("Midnight Manor", 180, 2, 1);
        var alice = store.client("Alice");
        var bob = store.client("Bob");
        var dm = store.dm("Mr. Host");

        var created = store.createBooking(TWO_PM, script.id(), null).expect(201);
        assertEquals("incomplete", created.get("status").asText());
        assertEquals(TWO_PM, created.get("start_at").asText());
        assertEquals("2026-12-05T17:00:00+08:00", created.get("end_at").asText());
        assertTrue(created.get("slot_id").isNull());
        var bookingId = created.get("id").asLong();

        var refused = store.confirm(bookingId).expectProblem(409, "confirm_preconditions_failed");
        var violations = byCode(refused.get("violations"));
        assertEquals(Set.of("no_clients", "character_unmatched"), violations.keySet());
        assertEquals(Set.copyOf(script.playerCharacterIds()), ids(violations.get("character_unmatched").get("character_ids")));
        assertEquals("incomplete", store.get(bookingId).get("status").asText());

        store.addClient(bookingId, alice);
        store.addClient(bookingId, bob);
        store.matchClient(bookingId, script.playerCharacterIds().get(0), alice);
        store.matchClient(bookingId, script.playerCharacterIds().get(1), bob);
        store.matchDm(bookingId, script.dmCharacterIds().get(0), dm);

        var scheduled = store.confirm(bookingId).expect(200);
        assertEquals("scheduled", scheduled.get("status").asText());
        assertEquals(roomId, scheduled.get("room_id").asLong());
        assertTrue(scheduled.get("slot_id").canConvertToLong() && scheduled.get("slot_id").asLong() > 0, scheduled::toString);
        assertEquals(TWO_PM, scheduled.get("start_at").asText());
        assertEquals("2026-12-05T17:00:00+08:00", scheduled.get("end_at").asText());
        assertEquals(Set.of(alice, bob), ids(scheduled.get("client_ids")));
        assertEquals(2, scheduled.get("character_client_matches").size());
        assertEquals(1, scheduled.get("character_dm_matches").size());
        assertFalse(scheduled.get("has_conflict").asBoolean());
        assertEquals(0, scheduled.get("conflict_count").asInt());
        assertEquals(store.get(bookingId), scheduled);
    }

    @Test
    void a_second_booking_overlapping_in_the_only_room_is_scheduled_with_a_conflict_both_bookings_show(StoreSetup store) {
        var roomId = store.room("Only Room", 6);
        var script = store.script("Overlap", 180, 2, 0);
        var first = store.scheduledBooking(TWO_PM, script);

        var second = store.scheduledBooking("2026-12-05T15:00:00+08:00", script);

        assertEquals(roomId, second.get("room_id").asLong());
        assertTrue(second.get("has_conflict").asBoolean());
        assertEquals(1, second.get("conflict_count").asInt());
        assertEquals(List.of(first.get("id").asLong()), longs(second.get("conflict_booking_ids")));
        var firstNow = store.get(first.get("id").asLong());
        assertTrue(firstNow.get("has_conflict").asBoolean());
        assertEquals(1, firstNow.get("conflict_count").asInt());
        assertEquals(List.of(second.get("id").asLong()), longs(firstNow.get("conflict_booking_ids")));
    }

    @Test
    void a_booking_starting_as_the_other_ends_does_not_conflict(StoreSetup store) {
        var script = store.roomAndScript(180, 2, 0);
        var first = store.scheduledBooking(TWO_PM, script);

        var second = store.scheduledBooking("2026-12-05T17:00:00+08:00", script);

        assertEquals(first.get("room_id"), second.get("room_id"));
        assertFalse(second.get("has_conflict").asBoolean());
        assertFalse(store.get(first.get("id").asLong()).get("has_conflict").asBoolean());
    }

    @Test
    void confirm_puts_an_overlapping_booking_into_a_free_room_when_one_exists(StoreSetup store) {
        var small = store.room("A small", 4);
        var large = store.room("B large", 8);
        var script = store.script("Two rooms", 180, 2, 0);
        var first = store.scheduledBooking(TWO_PM, script);
        assertEquals(small, first.get("room_id").asLong(), "the smallest free room comes first");

        var secondId = store.matchedBooking("2026-12-05T15:30:00+08:00", script, small);
        var second = store.confirm(secondId).expect(200);

        assertEquals(large, second.get("room_id").asLong(), "the preferred room is busy, a free one exists");
        assertFalse(second.get("has_conflict").asBoolean());
        assertEquals(List.of(), longs(second.get("conflict_booking_ids")));
        assertFalse(store.get(first.get("id").asLong()).get("has_conflict").asBoolean());
    }

    @Test
    void bookings_in_different_rooms_sharing_a_dm_conflict_both_ways(StoreSetup store) {
        store.room("Hall", 6);
        store.room("Attic", 6);
        var script = store.script("Shared host", 120, 2, 1);
        var dm = store.dm("Busy DM");
        var firstId = store.matchedBooking(TWO_PM, script, null);
        store.matchDm(firstId, script.dmCharacterIds().get(0), dm);
        var first = store.confirm(firstId).expect(200);
        var secondId = store.matchedBooking("2026-12-05T15:00:00+08:00", script, null);
        store.matchDm(secondId, null, dm);

        var second = store.confirm(secondId).expect(200);

        assertNotEquals(first.get("room_id"), second.get("room_id"));
        assertEquals(List.of(firstId), longs(second.get("conflict_booking_ids")));
        assertTrue(second.get("has_conflict").asBoolean());
        assertEquals(List.of(secondId), longs(store.get(firstId).get("conflict_booking_ids")));
    }

    @Test
    void confirm_of_a_party_with_a_client_playing_no_character_lists_that_client(StoreSetup store) {
        var script = store.roomAndScript(120, 2, 0);
        var bookingId = store.matchedBooking(TWO_PM, script, null);
        var extra = store.client("Extra");
        store.addClient(bookingId, extra);

        var refused = store.confirm(bookingId).expectProblem(409, "confirm_preconditions_failed");

        var violations = byCode(refused.get("violations"));
        assertEquals(Set.of("client_unmatched"), violations.keySet());
        assertEquals(Set.of(extra), ids(violations.get("client_unmatched").get("client_ids")));
        assertEquals("incomplete", store.get(bookingId).get("status").asText());
    }

    @Test
    void confirm_without_a_script_or_a_room_that_seats_the_party_lists_both(StoreSetup store) {
        store.room("Booth", 1);
        var bookingId = store.incompleteBooking(TWO_PM, null);
        store.addClient(bookingId, store.client("One"));
        store.addClient(bookingId, store.client("Two"));

        var refused = store.confirm(bookingId).expectProblem(409, "confirm_preconditions_failed");

        assertEquals(Set.of("script_missing", "no_room_available"), byCode(refused.get("violations")).keySet());
    }

    @Test
    void confirm_of_a_scheduled_booking_reports_its_status(StoreSetup store) {
        var scheduled = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));

        var refused = store.confirm(scheduled.get("id").asLong()).expectProblem(409, "confirm_preconditions_failed");

        var violations = byCode(refused.get("violations"));
        assertTrue(violations.containsKey("status_not_incomplete"), refused::toString);
        assertEquals("scheduled", violations.get("status_not_incomplete").get("status").asText());
        assertEquals(scheduled, store.get(scheduled.get("id").asLong()));
    }

    @Test
    void bookings_starting_at_the_same_time_share_one_slot(StoreSetup store) {
        store.room("Red", 6);
        store.room("Blue", 6);
        var script = store.script("Same start", 120, 2, 0);

        var first = store.scheduledBooking(TWO_PM, script);
        var second = store.scheduledBooking("2026-12-05T06:00:00Z", script);
        var later = store.scheduledBooking("2026-12-05T18:00:00+08:00", script);

        assertEquals(first.get("slot_id").asLong(), second.get("slot_id").asLong());
        assertNotEquals(first.get("slot_id").asLong(), later.get("slot_id").asLong());
        assertNotEquals(first.get("room_id"), second.get("room_id"));
    }

    @Test
    void the_etag_is_the_quoted_version_and_a_write_with_a_stale_if_match_is_refused_with_412(StoreSetup store) {
        var bookingId = store.incompleteBooking(TWO_PM, null);
        var read = store.api.get(store.token, store.booking(bookingId));
        var version = read.expect(200).get("version").asLong();
        assertEquals("\"" + version + "\"", read.header("ETag"));

        var current = store.api.patch(store.token, store.booking(bookingId), object("note", "window seat"), Map.of("If-Match", "\"" + version + "\""));
        var changed = current.expect(200);
        assertEquals("window seat", changed.get("note").asText());
        assertNotEquals(version, changed.get("version").asLong());
        assertEquals("\"" + changed.get("version").asLong() + "\"", current.header("ETag"));

        store.api.patch(store.token, store.booking(bookingId), object("note", "lost update"), Map.of("If-Match", "\"" + version + "\""))
                .expectProblem(412, "version_mismatch");
        store.api.post(store.token, store.booking(bookingId) + "/clients", object("client_id", store.client("Late")))
                .expect(201);
        assertEquals("window seat", store.get(bookingId).get("note").asText());
    }

    @Test
    void a_new_script_on_an_incomplete_booking_drops_its_character_matches_but_keeps_free_dms(StoreSetup store) {
        var script = store.script("First script", 120, 2, 1);
        var other = store.script("Second script", 90, 2, 0);
        var hostDm = store.dm("Character DM");
        var freeDm = store.dm("Free DM");
        var bookingId = store.matchedBooking(TWO_PM, script, null);
        store.matchDm(bookingId, script.dmCharacterIds().get(0), hostDm);
        store.matchDm(bookingId, null, freeDm);

        var changed = store.api.patch(store.token, store.booking(bookingId), object("script_id", other.id()), Map.of()).expect(200);

        assertEquals(other.id(), changed.get("script_id").asLong());
        assertEquals("2026-12-05T15:30:00+08:00", changed.get("end_at").asText());
        assertEquals(0, changed.get("character_client_matches").size());
        assertEquals(2, changed.get("client_ids").size(), "the party stays");
        var dmMatches = changed.get("character_dm_matches");
        assertEquals(1, dmMatches.size(), dmMatches::toString);
        assertTrue(dmMatches.get(0).get("character_id").isNull());
        assertEquals(freeDm, dmMatches.get(0).get("dm_id").asLong());
    }

    @Test
    void the_note_of_a_scheduled_booking_can_be_changed(StoreSetup store) {
        var scheduled = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var bookingId = scheduled.get("id").asLong();

        var changed = store.api.patch(store.token, store.booking(bookingId), object("note", "birthday party"), Map.of()).expect(200);

        assertEquals("birthday party", changed.get("note").asText());
        assertEquals("scheduled", changed.get("status").asText());
        assertEquals(scheduled.get("room_id"), changed.get("room_id"));
        assertEquals(scheduled.get("slot_id"), changed.get("slot_id"));
    }

    @Test
    void the_script_of_a_scheduled_booking_cannot_be_changed(StoreSetup store) {
        var scheduled = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var other = store.script("Other", 60, 1, 0);
        var bookingId = scheduled.get("id").asLong();

        store.api.patch(store.token, store.booking(bookingId), object("script_id", other.id()), Map.of())
                .expectProblem(409, "booking_not_editable");

        assertEquals(scheduled, store.get(bookingId));
    }

    @Test
    void moving_a_scheduled_booking_onto_another_recomputes_the_conflicts_of_both(StoreSetup store) {
        var script = store.roomAndScript(120, 1, 0);
        var first = store.scheduledBooking(TWO_PM, script);
        var second = store.scheduledBooking("2026-12-05T18:00:00+08:00", script);
        var secondId = second.get("id").asLong();
        assertFalse(second.get("has_conflict").asBoolean());

        var moved = store.api.patch(store.token, store.booking(secondId), object("start_at", "2026-12-05T15:00:00+08:00"), Map.of())
                .expect(200);

        assertEquals("2026-12-05T17:00:00+08:00", moved.get("end_at").asText());
        assertNotEquals(second.get("slot_id"), moved.get("slot_id"));
        assertEquals(List.of(first.get("id").asLong()), longs(moved.get("conflict_booking_ids")));
        assertEquals(List.of(secondId), longs(store.get(first.get("id").asLong()).get("conflict_booking_ids")));
    }

    @Test
    void an_incomplete_booking_shows_the_conflicts_its_preferred_room_would_have(StoreSetup store) {
        var roomId = store.room("Only Room", 6);
        var script = store.script("Preview", 180, 1, 0);
        var scheduled = store.scheduledBooking(TWO_PM, script);

        var preview = store.createBooking("2026-12-05T16:00:00+08:00", script.id(), roomId).expect(201);
        var elsewhen = store.createBooking("2026-12-05T17:00:00+08:00", script.id(), roomId).expect(201);

        assertEquals("incomplete", preview.get("status").asText());
        assertEquals(List.of(scheduled.get("id").asLong()), longs(preview.get("conflict_booking_ids")));
        assertTrue(preview.get("has_conflict").asBoolean());
        assertFalse(elsewhen.get("has_conflict").asBoolean());
    }

    @Test
    void racing_confirms_in_one_store_fill_every_free_room_before_overlapping(StoreSetup store) throws Exception {
        var rooms = Set.of(store.room("Red", 6), store.room("Green", 6), store.room("Blue", 6));
        var script = store.script("Rush hour", 120, 1, 0);
        var bookingIds = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            bookingIds.add(store.matchedBooking(TWO_PM, script, null));
        }

        var answers = Racing.race(bookingIds.stream().<Callable<ApiClient.Answer>>map(id -> () -> store.confirm(id)).toList());
        answers.forEach(answer -> answer.expect(200));

        var roomUse = new HashMap<Long, Integer>();
        var slots = new HashSet<Long>();
        for (var bookingId : bookingIds) {
            var booking = store.get(bookingId);
            assertEquals("scheduled", booking.get("status").asText());
            roomUse.merge(booking.get("room_id").asLong(), 1, Integer::sum);
            slots.add(booking.get("slot_id").asLong());
            assertEquals(1, booking.get("conflict_count").asInt(), booking::toString);
        }
        assertEquals(rooms, roomUse.keySet());
        assertEquals(Set.of(2), Set.copyOf(roomUse.values()));
        assertEquals(1, slots.size());
    }

    private static Map<String, JsonNode> byCode(JsonNode violations) {
        var byCode = new HashMap<String, JsonNode>();
        violations.forEach(v -> assertEquals(null, byCode.put(v.get("code").asText(), v), "one violation per code"));
        return byCode;
    }

    private static Set<Long> ids(JsonNode array) {
        var ids = new TreeSet<Long>();
        array.forEach(id -> ids.add(id.asLong()));
        assertEquals(array.size(), ids.size(), () -> "ids repeat: " + array);
        return ids;
    }
}
