package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /stores/{store_id}/availability} on the real server: its parameters, and its promise on
 * seeded random stores. A booking made at a sampled offered start, in an offered room, with an
 * offered DM, and confirmed at once has no conflict; at a sampled start not offered, inside the
 * opening hours, every room seating the party would conflict or too few DMs are free, as the
 * conflicts the server itself shows for incomplete probes say.
 */
class AvailabilityHttpTest {

    private static final String DAY = "2026-12-05T00:00:00+08:00";
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_bad_parameter_is_a_400_naming_it_and_references_of_another_store_are_422(StoreSetup store) {
        var script = store.script("Night Train", 120, 2, 1);
        var theirs = server.newStore(SHANGHAI).script("Elsewhere", 120, 1, 0);
        var good = "script_id=" + script.id() + "&party_size=2&from=" + enc(DAY) + "&to=" + enc("2026-12-06T00:00:00+08:00");

        for (var bad : List.of(
                List.of("script_id", "party_size=2&from=" + enc(DAY) + "&to=" + enc("2026-12-06T00:00:00+08:00")),
                List.of("script_id", good.replace("script_id=" + script.id(), "script_id=x")),
                List.of("party_size", good.replace("party_size=2", "party_size=0")),
                List.of("party_size", good.replace("party_size=2", "party_size=1001")),
                List.of("party_size", good.replace("&party_size=2", "")),
                List.of("from", good.replace("from=" + enc(DAY), "from=2026-12-05T00:00:00")),
                List.of("to", good.replace("&to=" + enc("2026-12-06T00:00:00+08:00"), "")),
                List.of("to", good.replace(enc("2026-12-06T00:00:00+08:00"), enc(DAY))),
                List.of("to", good.replace(enc("2026-12-06T00:00:00+08:00"), enc("2026-12-19T00:00:01+08:00"))),
                List.of("step_minutes", good + "&step_minutes=4"),
                List.of("step_minutes", good + "&step_minutes=241"),
                List.of("room_id", good + "&room_id=-1"),
                List.of("dm_id", good + "&dm_id=abc"))) {
            var problem = server.api().get(store.token, store.path + "/availability?" + bad.get(1)).expect(400);
            assertEquals(bad.get(0), problem.get("errors").get(0).get("field").asText(), () -> bad + " -> " + problem);
        }
        server.api().get(store.token, store.path + "/availability?" + good.replace("script_id=" + script.id(), "script_id=" + theirs.id()))
                .expectProblem(422, "unknown_script");
        server.api().get(store.token, store.path + "/availability?" + good + "&room_id=999999999").expectProblem(422, "unknown_room");
        var fourteenDays = good.replace(enc("2026-12-06T00:00:00+08:00"), enc("2026-12-19T00:00:00+08:00"));
        server.api().get(store.token, store.path + "/availability?" + fourteenDays).expect(200);
        var otherStore = server.newStore(SHANGHAI);
        server.api().get(otherStore.token, store.path + "/availability?" + good).expectProblem(403, "forbidden");
    }

    @Test
    void narrowing_to_one_of_the_stores_rooms_and_dms_offers_that_room_and_that_dm_alone(StoreSetup store) {
        var script = store.script("Lantern", 120, 2, 1);
        var small = store.room("Small", 4);
        var large = store.room("Large", 8);
        store.dm("Ada");
        var grace = store.dm("Grace");
        var narrowed = "/availability?script_id=" + script.id() + "&party_size=2&from=" + enc(DAY) + "&to="
                + enc("2026-12-06T00:00:00+08:00") + "&room_id=" + large + "&dm_id=" + grace;

        var found = server.api().get(store.token, store.path + narrowed).expect(200);

        assertTrue(found.get("items").size() > 0, found::toString);
        found.get("items").forEach(item -> {
            assertEquals(List.of(large), JsonLists.longs(item.get("room_ids")), item::toString);
            assertEquals(List.of(grace), JsonLists.longs(item.get("dm_ids")), item::toString);
        });
    }

    @Test
    void opening_hours_after_midnight_bound_the_starts_and_the_answer_shows_the_store_offset(StoreSetup store) {
        var hours = Map.of("sat", List.of(Map.of("open", "20:00", "close", "02:00")));
        var patched = server.api().patch(server.adminToken, store.path, object("opening_hours", hours)).expect(200);
        assertEquals("02:00", patched.get("opening_hours").get("sat").get(0).get("close").asText());
        server.api().patch(server.adminToken, store.path, object("opening_hours", Map.of("someday", List.of())))
                .expectProblem(422, "invalid_value");
        server.api().patch(server.adminToken, store.path,
                object("opening_hours", Map.of("mon", List.of(Map.of("open", "25:00", "close", "02:00")))))
                .expectProblem(422, "invalid_value");
        var script = store.roomAndScript(120, 2, 0);

        var found = availability(store, script.id(), 2, DAY, "2026-12-07T00:00:00+08:00", 60);

        var starts = new ArrayList<String>();
        found.get("items").forEach(item -> starts.add(item.get("start_at").asText()));
        assertEquals(List.of("2026-12-05T20:00:00+08:00", "2026-12-05T21:00:00+08:00", "2026-12-05T22:00:00+08:00", "2026-12-05T23:00:00+08:00",
                "2026-12-06T00:00:00+08:00"), starts);
        server.api().patch(server.adminToken, store.path, object("opening_hours", null)).expect(200);
        assertEquals(48, availability(store, script.id(), 2, DAY, "2026-12-07T00:00:00+08:00", 60).get("items").size());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 20_261_205L})
    void what_is_offered_can_be_booked_without_conflict_and_what_is_not_has_its_reason(long seed) {
        var random = new Random(seed);
        var store = server.newStore(SHANGHAI);
        server.api().patch(server.adminToken, store.path, object("opening_hours",
                Map.of("fri", List.of(Map.of("open", "10:00", "close", "02:00")), "sat", List.of(Map.of("open", "10:00", "close", "02:00")),
                        "sun", List.of(Map.of("open", "12:00", "close", "12:00"))))).expect(200);
        var script = store.script("Night Train", 180, 2, 1);
        var other = store.script("Fog Harbour", 120, 1, 0);
        var rooms = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            rooms.add(server.api().post(store.token, store.path + "/rooms", object("name", "Room " + i, "capacity", 2 + random.nextInt(4),
                    "turnaround_minutes", 15 * random.nextInt(5), "active", i > 0 || random.nextBoolean())).expect(201).get("id").asLong());
        }
        var dms = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var hosts = i == 2 ? List.of(other.id()) : null;
            dms.add(server.api().post(store.token, store.path + "/dms", object("name", "DM " + i, "script_ids", hosts)).expect(201).get("id").asLong());
        }
        for (int i = 0; i < 12; i++) {
            var start = OffsetDateTime.parse("2026-12-05T10:00:00+08:00").plusMinutes(30L * random.nextInt(60));
            var booking = store.matchedBooking(text(start), script, rooms.get(random.nextInt(rooms.size())));
            store.matchDm(booking, null, dms.get(random.nextInt(dms.size())));
            store.confirm(booking);
        }

        var found = availability(store, script.id(), 2, DAY, "2026-12-07T00:00:00+08:00", 30);
        var items = new ArrayList<JsonNode>();
        found.get("items").forEach(items::add);
        assertTrue(items.size() > 3, "seed " + seed + ": too little offered to test: " + found);

        var offered = new HashSet<String>();
        items.forEach(item -> offered.add(OffsetDateTime.parse(item.get("start_at").asText()).toInstant().toString()));
        for (int i = 0; i < 5; i++) {
            var item = items.get(random.nextInt(items.size()));
            var roomId = item.get("room_ids").get(random.nextInt(item.get("room_ids").size())).asLong();
            var dmId = item.get("dm_ids").get(random.nextInt(item.get("dm_ids").size())).asLong();
            var booking = store.matchedBooking(item.get("start_at").asText(), script, roomId);
            store.matchDm(booking, script.dmCharacterIds().get(0), dmId);
            var confirmed = store.confirm(booking).expect(200);
            assertEquals(roomId, confirmed.get("room_id").asLong(), "seed " + seed + ": " + item);
            assertEquals(0, confirmed.get("conflict_count").asInt(), () -> "seed " + seed + ": " + item + " -> " + confirmed);
            store.cancel(booking).expect(200);
        }

        var refusedChecked = 0;
        for (var start = OffsetDateTime.parse("2026-12-05T10:00:00+08:00"); start.isBefore(OffsetDateTime.parse("2026-12-05T23:00:00+08:00"));
                start = start.plusMinutes(30)) {
            if (offered.contains(start.toInstant().toString()) || random.nextInt(3) > 0) {
                continue;
            }
            assertTrue(noFreeRoomOrTooFewDms(store, script, start, rooms, dms), "seed " + seed + ": " + start + " not offered without reason");
            refusedChecked++;
        }
        assertTrue(refusedChecked > 0 || offered.size() > 20, "seed " + seed + ": nothing refused to check");
    }

    /** The server's own conflicts of incomplete probes at {@code start}: one per room seating two, one per DM who can host. */
    private static boolean noFreeRoomOrTooFewDms(StoreSetup store, StoreSetup.Script script, OffsetDateTime start, List<Long> rooms, List<Long> dms) {
        var freeRooms = 0;
        for (var roomId : rooms) {
            var room = server.api().get(store.token, store.path + "/rooms/" + roomId).expect(200);
            if (!room.get("active").asBoolean() || room.get("capacity").asInt() < 2) {
                continue;
            }
            var probe = store.createBooking(text(start), script.id(), roomId).expect(201).get("id").asLong();
            freeRooms += store.get(probe).get("conflict_count").asInt() == 0 ? 1 : 0;
        }
        var freeDms = 0;
        for (var dmId : dms) {
            var dm = server.api().get(store.token, store.path + "/dms/" + dmId).expect(200);
            if (!dm.get("script_ids").isNull()) {
                continue;
            }
            var probe = store.incompleteBooking(text(start), script.id());
            freeDms += store.matchDm(probe, null, dmId).get("conflict_count").asInt() == 0 ? 1 : 0;
        }
        return freeRooms == 0 || freeDms < script.dmCharacterIds().size();
    }

    private static JsonNode availability(StoreSetup store, long scriptId, int party, String from, String to, int step) {
        return server.api().get(store.token, store.path + "/availability?script_id=" + scriptId + "&party_size=" + party
                + "&from=" + enc(from) + "&to=" + enc(to) + "&step_minutes=" + step).expect(200);
    }

    private static String text(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
