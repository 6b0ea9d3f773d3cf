package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store rules availability needs, through the catalogue routes: rooms' turnaround in the
 * conflict rule, and the scripts a DM can host in DM matches and confirm.
 */
class StoreRulesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_room_keeps_its_turnaround_defaults_to_none_and_refuses_one_out_of_bounds(StoreSetup store) {
        var plain = server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 6)).expect(201);
        var reset = server.api().post(store.token, store.path + "/rooms", object("name", "Hall", "capacity", 6, "turnaround_minutes", 30))
                .expect(201);

        assertEquals(0, plain.get("turnaround_minutes").asInt());
        assertEquals(30, reset.get("turnaround_minutes").asInt());
        var hall = store.path + "/rooms/" + reset.get("id").asLong();
        assertEquals(45, server.api().patch(store.token, hall, object("turnaround_minutes", 45)).expect(200)
                .get("turnaround_minutes").asInt());
        server.api().patch(store.token, hall, object("turnaround_minutes", 241)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, hall, object("turnaround_minutes", -1)).expectProblem(422, "invalid_value");
        server.api().patch(store.token, hall, object("turnaround_minutes", null)).expectProblem(400, "invalid_type");
        server.api().post(store.token, store.path + "/rooms", object("name", "Attic", "capacity", 6, "turnaround_minutes", 300))
                .expectProblem(422, "invalid_value");
        assertEquals(45, server.api().get(store.token, hall).expect(200).get("turnaround_minutes").asInt());
    }

    @Test
    void a_game_in_a_room_still_being_reset_conflicts_until_the_turnaround_is_shortened(StoreSetup store) {
        var roomId = server.api().post(store.token, store.path + "/rooms", object("name", "Den", "capacity", 6, "turnaround_minutes", 30))
                .expect(201).get("id").asLong();
        var script = store.script("Night Train", 120, 1, 0);
        var first = store.confirm(store.matchedBooking("2026-12-05T14:00:00+08:00", script, roomId)).expect(200);
        var second = store.confirm(store.matchedBooking("2026-12-05T16:15:00+08:00", script, roomId)).expect(200);

        assertEquals(roomId, second.get("room_id").asLong(), "the only room, taken with overlap");
        assertEquals(List.of(first.get("id").asLong()), longs(second.get("conflict_booking_ids")));
        assertEquals(List.of(second.get("id").asLong()), longs(store.get(first.get("id").asLong()).get("conflict_booking_ids")));

        server.api().patch(store.token, store.path + "/rooms/" + roomId, object("turnaround_minutes", 15)).expect(200);

        assertEquals(0, store.get(first.get("id").asLong()).get("conflict_count").asInt());
        assertEquals(0, store.get(second.get("id").asLong()).get("conflict_count").asInt());
    }

    /**
     * A new turnaround and a confirm choosing between rooms, sent together: the catalogue write takes
     * the store's schedule lock as confirm does, so the result is one of the two serial orders. The
     * turnaround first: the confirm sees the room being reset and takes the free one. The confirm
     * first: it takes the preferred room while it is free, and the new turnaround then puts the two
     * games in conflict, on both sides.
     */
    @Test
    void a_turnaround_change_racing_a_confirm_gives_the_result_of_one_serial_order(StoreSetup store) throws Exception {
        var script = store.script("Night Train", 120, 1, 0);
        for (int round = 0; round < 8; round++) {
            var den = store.room("Den " + round, 4);
            var hall = store.room("Hall " + round, 6);
            var day = "2026-12-%02d".formatted(5 + round);
            var held = store.confirm(store.matchedBooking(day + "T14:00:00+08:00", script, den)).expect(200).get("id").asLong();
            var racing = store.matchedBooking(day + "T16:10:00+08:00", script, den);
            var barrier = new java.util.concurrent.CyclicBarrier(2);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var patch = pool.submit(() -> {
                    barrier.await();
                    return server.api().patch(store.token, store.path + "/rooms/" + den, object("turnaround_minutes", 30));
                });
                var confirm = pool.submit(() -> {
                    barrier.await();
                    return store.confirm(racing);
                });
                patch.get().expect(200);
                var confirmed = confirm.get().expect(200);
                var roomId = confirmed.get("room_id").asLong();
                var heldNow = store.get(held);
                if (roomId == hall) {
                    assertEquals(0, confirmed.get("conflict_count").asInt(), confirmed::toString);
                    assertEquals(0, heldNow.get("conflict_count").asInt());
                } else {
                    assertEquals(den, roomId);
                    assertEquals(List.of(held), longs(store.get(racing).get("conflict_booking_ids")));
                    assertEquals(List.of(racing), longs(heldNow.get("conflict_booking_ids")));
                }
            } finally {
                pool.shutdownNow();
            }
            // the next round's confirm chooses between its own two rooms only
            new StoreInvariants(server, store).assertAll("turnaround against confirm, round " + round);
            store.cancel(held).expect(200);
            store.cancel(racing).expect(200);
            for (var room : List.of(den, hall)) {
                server.api().patch(store.token, store.path + "/rooms/" + room, object("active", false)).expect(200);
            }
        }
    }

    @Test
    void a_dm_hosts_every_script_until_narrowed_and_a_narrowed_dm_cannot_play_another_scripts_dm_character(StoreSetup store) {
        store.room("Den", 6);
        var nightTrain = store.script("Night Train", 120, 1, 1);
        var fogHarbour = store.script("Fog Harbour", 120, 1, 1);
        var everyScript = server.api().post(store.token, store.path + "/dms", object("name", "Ada")).expect(201);
        assertTrue(everyScript.get("script_ids").isNull());
        var narrowed = server.api().post(store.token, store.path + "/dms",
                object("name", "Bo", "script_ids", List.of(fogHarbour.id(), fogHarbour.id()))).expect(201);
        assertEquals(List.of(fogHarbour.id()), longs(narrowed.get("script_ids")));
        var boId = narrowed.get("id").asLong();

        var booking = store.matchedBooking("2026-12-05T14:00:00+08:00", nightTrain, null);
        server.api().post(store.token, store.booking(booking) + "/character-dm-matches",
                object("character_id", nightTrain.dmCharacterIds().get(0), "dm_id", boId)).expectProblem(422, "dm_not_qualified");
        assertEquals(0, store.get(booking).get("character_dm_matches").size());
        store.matchDm(booking, null, boId); // a free DM hosts nothing, so needs no qualification

        var bo = store.path + "/dms/" + boId;
        server.api().patch(store.token, bo, object("script_ids", null)).expect(200);
        store.matchDm(booking, nightTrain.dmCharacterIds().get(0), everyScript.get("id").asLong());
        var otherBooking = store.matchedBooking("2026-12-05T18:00:00+08:00", nightTrain, null);
        store.matchDm(otherBooking, nightTrain.dmCharacterIds().get(0), boId);
        server.api().patch(store.token, bo, object("script_ids", List.of(fogHarbour.id()))).expect(200);

        var refused = store.confirm(otherBooking).expectProblem(409, "confirm_preconditions_failed");
        assertEquals(1, refused.get("violations").size(), refused::toString);
        var violation = refused.get("violations").get(0);
        assertEquals("dm_not_qualified", violation.get("code").asText());
        assertEquals(List.of(boId), longs(violation.get("dm_ids")));
        store.confirm(booking).expect(200);
    }

    @Test
    void script_ids_must_be_scripts_of_the_store(StoreSetup store) {
        var theirs = server.newStore(SHANGHAI).script("Elsewhere", 120, 1, 1);
        var ours = store.script("Night Train", 120, 1, 1);

        server.api().post(store.token, store.path + "/dms", object("name", "Bo", "script_ids", List.of(theirs.id())))
                .expectProblem(422, "unknown_script");
        server.api().post(store.token, store.path + "/dms", object("name", "Bo", "script_ids", Arrays.asList(ours.id(), null)))
                .expectProblem(400, "invalid_type");
        server.api().post(store.token, store.path + "/dms", object("name", "Bo", "script_ids", "all")).expectProblem(400, "invalid_type");
        var dm = server.api().post(store.token, store.path + "/dms", object("name", "Bo", "script_ids", List.of())).expect(201);
        assertEquals(List.of(), longs(dm.get("script_ids")));
        server.api().patch(store.token, store.path + "/dms/" + dm.get("id").asLong(), object("script_ids", List.of(theirs.id())))
                .expectProblem(422, "unknown_script");
        assertEquals(List.of(), longs(server.api().get(store.token, store.path + "/dms/" + dm.get("id").asLong()).expect(200).get("script_ids")));
    }
}
