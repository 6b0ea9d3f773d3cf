package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A booking's party and matches after they are made: a client leaves, matches are listed, changed
 * and deleted, under the same rules as adding them, with {@code If-Match} honoured.
 */
class MatchRoutesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    // --- the party ---------------------------------------------------------------------------

    @Test
    void a_client_leaving_the_party_takes_its_character_match_along_and_the_booking_is_answered() {
        var party = Party.of(server.newStore(SHANGHAI));
        var before = party.store.get(party.bookingId);

        var answer = server.api().delete(party.store.token, party.store.booking(party.bookingId) + "/clients/" + party.alice);

        var after = answer.expect(200);
        assertEquals(List.of(party.bob), longs(after.get("client_ids")));
        assertEquals(1, after.get("character_client_matches").size());
        assertEquals(party.bob, after.get("character_client_matches").get(0).get("client_id").asLong());
        assertEquals(before.get("version").asLong() + 1, after.get("version").asLong());
        assertEquals("\"" + after.get("version").asLong() + "\"", answer.header("ETag"));
        assertEquals(after, party.store.get(party.bookingId));
    }

    @Test
    void removing_a_client_that_is_not_in_the_party_is_404() {
        var party = Party.of(server.newStore(SHANGHAI));
        var stranger = party.store.client("Stranger");
        var clientOfAnotherStore = server.newStore(SHANGHAI).client("Elsewhere");

        server.api().delete(party.store.token, party.clients() + "/" + stranger).expectProblem(404, "client_not_in_party");
        server.api().delete(party.store.token, party.clients() + "/" + clientOfAnotherStore).expectProblem(404, "client_not_in_party");
        server.api().delete(party.store.token, party.clients() + "/abc").expectProblem(404, "not_found");
        server.api().delete(party.store.token, party.store.booking(987654321) + "/clients/" + party.alice).expectProblem(404, "booking_not_found");

        assertEquals(2, party.store.get(party.bookingId).get("client_ids").size());
    }

    @Test
    void the_party_of_a_scheduled_booking_is_fixed(StoreSetup store) {
        var scheduled = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var clientId = scheduled.get("client_ids").get(0).asLong();

        server.api().delete(store.token, store.booking(scheduled.get("id").asLong()) + "/clients/" + clientId)
                .expectProblem(409, "booking_not_editable");

        assertEquals(scheduled, store.get(scheduled.get("id").asLong()));
    }

    @Test
    void removing_a_client_at_a_stale_version_is_412() {
        var party = Party.of(server.newStore(SHANGHAI));
        var version = party.store.get(party.bookingId).get("version").asLong();

        server.api().delete(party.store.token, party.clients() + "/" + party.alice, Map.of("If-Match", "\"" + (version - 1) + "\""))
                .expectProblem(412, "version_mismatch");
        server.api().delete(party.store.token, party.clients() + "/" + party.alice, Map.of("If-Match", "\"" + version + "\"")).expect(200);
    }

    // --- listing matches ---------------------------------------------------------------------

    @Test
    void both_kinds_of_match_are_listed_by_id_and_paged() {
        var party = Party.of(server.newStore(SHANGHAI));
        var host = party.store.dm("Host");
        var helper = party.store.dm("Helper");
        party.store.matchDm(party.bookingId, party.script.dmCharacterIds().get(0), host);
        var booking = party.store.matchDm(party.bookingId, null, helper);

        var clientMatches = server.api().get(party.store.token, party.clientMatches()).expect(200);
        var dmMatches = server.api().get(party.store.token, party.dmMatches()).expect(200);
        var secondDm = server.api().get(party.store.token, party.dmMatches() + "?limit=1&offset=1").expect(200);

        assertEquals(booking.get("character_client_matches"), clientMatches.get("items"));
        assertEquals(2, clientMatches.get("total").asInt());
        assertEquals(booking.get("character_dm_matches"), dmMatches.get("items"));
        assertTrue(dmMatches.get("items").get(1).get("character_id").isNull(), "a free DM has no character");
        assertEquals(List.of(booking.get("character_dm_matches").get(1)), List.of(secondDm.get("items").get(0)));
        assertEquals(2, secondDm.get("total").asInt());
        assertEquals(1, secondDm.get("limit").asInt());
        assertEquals(0, server.api().get(party.store.token, party.dmMatches() + "?offset=5").expect(200).get("items").size());
    }

    @Test
    void the_matches_of_a_booking_of_another_store_are_not_found_and_a_bad_page_is_400(StoreSetup store) {
        var other = Party.of(server.newStore(SHANGHAI));

        server.api().get(store.token, store.booking(other.bookingId) + "/character-client-matches").expectProblem(404, "booking_not_found");
        server.api().get(store.token, store.booking(other.bookingId) + "/character-dm-matches").expectProblem(404, "booking_not_found");
        server.api().get(store.token, other.clientMatches()).expectProblem(403, "forbidden");
        server.api().get(other.store.token, other.clientMatches() + "?limit=0").expectProblem(400, "invalid_parameter");
    }

    // --- changing and deleting client matches ----------------------------------------------

    @Test
    void a_client_match_takes_another_character_and_then_another_client() {
        var party = Party.of(server.newStore(SHANGHAI));
        var carol = party.store.client("Carol");
        party.store.addClient(party.bookingId, carol);
        var spare = party.script.playerCharacterIds().get(2);
        var match = party.aliceMatch();

        var recast = server.api().patch(party.store.token, party.clientMatch(match), object("character_id", spare)).expect(200);
        var handedOver = server.api().patch(party.store.token, party.clientMatch(match), object("client_id", carol)).expect(200);

        assertEquals(List.of(spare, party.alice), pair(recast, match));
        assertEquals(List.of(spare, carol), pair(handedOver, match));
        assertEquals(recast.get("version").asLong() + 1, handedOver.get("version").asLong());
        assertEquals(handedOver, party.store.get(party.bookingId));
    }

    @Test
    void a_client_match_may_not_take_a_character_or_a_client_another_match_has() {
        var party = Party.of(server.newStore(SHANGHAI));
        var before = party.store.get(party.bookingId);
        var bobsCharacter = party.script.playerCharacterIds().get(1);

        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("character_id", bobsCharacter))
                .expectProblem(409, "character_already_matched");
        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("client_id", party.bob))
                .expectProblem(409, "client_already_matched");

        assertEquals(before, party.store.get(party.bookingId));
    }

    @Test
    void a_client_match_may_keep_its_own_character_and_client() {
        var party = Party.of(server.newStore(SHANGHAI));
        var match = party.aliceMatch();

        var same = server.api().patch(party.store.token, party.clientMatch(match),
                object("character_id", party.script.playerCharacterIds().get(0), "client_id", party.alice)).expect(200);

        assertEquals(List.of(party.script.playerCharacterIds().get(0), party.alice), pair(same, match));
    }

    @Test
    void a_client_match_needs_a_player_character_of_the_script_and_a_client_of_the_party() {
        var party = Party.of(server.newStore(SHANGHAI));
        var outsider = party.store.client("Outsider");
        var otherStore = server.newStore(SHANGHAI);
        var foreignCharacter = otherStore.script("Foreign", 120, 1, 0).playerCharacterIds().get(0);

        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("character_id", party.script.dmCharacterIds().get(0)))
                .expectProblem(422, "character_not_playable");
        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("character_id", foreignCharacter))
                .expectProblem(422, "character_not_playable");
        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("client_id", outsider))
                .expectProblem(422, "client_not_in_party");
        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("client_id", 0))
                .expectProblem(422, "invalid_value");
    }

    @Test
    void a_client_match_patch_with_an_unknown_field_a_null_or_a_wrong_type_is_400() {
        var party = Party.of(server.newStore(SHANGHAI));
        var match = party.clientMatch(party.aliceMatch());

        server.api().patch(party.store.token, match, object("booking_id", party.bookingId)).expectProblem(400, "unknown_field");
        server.api().patch(party.store.token, match, object("client_id", null)).expectProblem(400, "invalid_type");
        server.api().patch(party.store.token, match, object("character_id", "1")).expectProblem(400, "invalid_type");
        server.api().send("PATCH", match, party.store.token, "text/plain", "{}", Map.of()).expectProblem(415, "unsupported_media_type");
    }

    @Test
    void a_match_that_is_not_the_bookings_is_not_found() {
        var party = Party.of(server.newStore(SHANGHAI));
        var otherBooking = Party.of(party.store);

        server.api().patch(party.store.token, party.clientMatch(otherBooking.aliceMatch()), object("client_id", party.alice))
                .expectProblem(404, "character_client_match_not_found");
        server.api().delete(party.store.token, party.clientMatch(otherBooking.aliceMatch())).expectProblem(404, "character_client_match_not_found");
        server.api().delete(party.store.token, party.clientMatch(987654321)).expectProblem(404, "character_client_match_not_found");
        server.api().delete(party.store.token, party.clientMatches() + "/zero").expectProblem(404, "not_found");

        assertEquals(2, otherBooking.store.get(otherBooking.bookingId).get("character_client_matches").size());
    }

    @Test
    void deleting_a_client_match_keeps_the_client_in_the_party() {
        var party = Party.of(server.newStore(SHANGHAI));

        var after = server.api().delete(party.store.token, party.clientMatch(party.aliceMatch())).expect(200);

        assertEquals(List.of(party.alice, party.bob), longs(after.get("client_ids")));
        assertEquals(1, after.get("character_client_matches").size());
        assertEquals(after, party.store.get(party.bookingId));
        var refused = party.store.confirm(party.bookingId).expectProblem(409, "confirm_preconditions_failed");
        assertTrue(refused.toString().contains("client_unmatched"), refused::toString);
    }

    @Test
    void client_matches_of_a_scheduled_booking_are_fixed(StoreSetup store) {
        var scheduled = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var path = store.booking(scheduled.get("id").asLong()) + "/character-client-matches/"
                + scheduled.get("character_client_matches").get(0).get("id").asLong();

        server.api().patch(store.token, path, object()).expectProblem(409, "booking_not_editable");
        server.api().delete(store.token, path).expectProblem(409, "booking_not_editable");
    }

    @Test
    void client_match_changes_at_a_stale_version_are_412_and_change_nothing() {
        var party = Party.of(server.newStore(SHANGHAI));
        var before = party.store.get(party.bookingId);
        var stale = Map.of("If-Match", "\"" + (before.get("version").asLong() - 1) + "\"");

        server.api().patch(party.store.token, party.clientMatch(party.aliceMatch()), object("character_id", party.script.playerCharacterIds().get(2)),
                stale).expectProblem(412, "version_mismatch");
        server.api().delete(party.store.token, party.clientMatch(party.aliceMatch()), stale).expectProblem(412, "version_mismatch");

        assertEquals(before, party.store.get(party.bookingId));
        server.api().delete(party.store.token, party.clientMatch(party.aliceMatch()), Map.of("If-Match", "\"" + before.get("version").asLong() + "\""))
                .expect(200);
    }

    // --- changing and deleting DM matches ----------------------------------------------------

    @Test
    void a_dm_match_moves_between_a_character_and_free_and_to_another_dm() {
        var party = Party.of(server.newStore(SHANGHAI));
        var host = party.store.dm("Host");
        var relief = party.store.dm("Relief");
        var character = party.script.dmCharacterIds().get(0);
        var match = dmMatchId(party.store.matchDm(party.bookingId, null, host));

        var playing = server.api().patch(party.store.token, party.dmMatch(match), object("character_id", character)).expect(200);
        var swapped = server.api().patch(party.store.token, party.dmMatch(match), object("dm_id", relief)).expect(200);
        var free = server.api().patch(party.store.token, party.dmMatch(match), object("character_id", null)).expect(200);

        assertEquals(character, dmMatch(playing, match).get("character_id").asLong());
        assertEquals(relief, dmMatch(swapped, match).get("dm_id").asLong());
        assertEquals(character, dmMatch(swapped, match).get("character_id").asLong());
        assertTrue(dmMatch(free, match).get("character_id").isNull());
        assertEquals(free, party.store.get(party.bookingId));
    }

    @Test
    void a_dm_match_follows_the_rules_of_a_new_one() {
        var party = Party.of(server.newStore(SHANGHAI));
        var host = party.store.dm("Host");
        var helper = party.store.dm("Helper");
        var retired = party.store.dm("Retired");
        server.api().patch(party.store.token, party.store.path + "/dms/" + retired, object("active", false)).expect(200);
        var dmOfAnotherStore = server.newStore(SHANGHAI).dm("Elsewhere");
        var character = party.script.dmCharacterIds().get(0);
        party.store.matchDm(party.bookingId, character, host);
        party.store.matchDm(party.bookingId, null, host);
        var helperMatch = dmMatchId(party.store.matchDm(party.bookingId, null, helper));
        var before = party.store.get(party.bookingId);
        var path = party.dmMatch(helperMatch);

        server.api().patch(party.store.token, path, object("character_id", character)).expectProblem(409, "character_already_matched");
        server.api().patch(party.store.token, path, object("dm_id", host)).expectProblem(409, "dm_already_matched");
        server.api().patch(party.store.token, path, object("dm_id", retired)).expectProblem(422, "dm_inactive");
        server.api().patch(party.store.token, path, object("dm_id", dmOfAnotherStore)).expectProblem(422, "dm_not_found");
        server.api().patch(party.store.token, path, object("character_id", party.script.playerCharacterIds().get(0)))
                .expectProblem(422, "character_not_dm");
        server.api().patch(party.store.token, path, object("dm_id", null)).expectProblem(400, "invalid_type");
        server.api().patch(party.store.token, path, object("free", true)).expectProblem(400, "unknown_field");

        assertEquals(before, party.store.get(party.bookingId));
    }

    @Test
    void a_dm_made_inactive_after_joining_may_still_change_character() {
        var party = Party.of(server.newStore(SHANGHAI));
        var host = party.store.dm("Host");
        var match = dmMatchId(party.store.matchDm(party.bookingId, null, host));
        server.api().patch(party.store.token, party.store.path + "/dms/" + host, object("active", false)).expect(200);

        var playing = server.api().patch(party.store.token, party.dmMatch(match), object("character_id", party.script.dmCharacterIds().get(0))).expect(200);

        assertEquals(host, dmMatch(playing, match).get("dm_id").asLong());
    }

    @Test
    void a_dm_match_of_a_scheduled_booking_can_be_changed_and_its_conflicts_follow_on_both_sides(StoreSetup store) {
        store.room("Hall", 6);
        store.room("Attic", 6);
        var script = store.script("Hosted", 120, 1, 0);
        var busy = store.dm("Busy");
        var idle = store.dm("Idle");
        var first = store.scheduledBooking(TWO_PM, script).get("id").asLong();
        store.matchDm(first, null, busy);
        var second = store.scheduledBooking("2026-12-05T15:00:00+08:00", script).get("id").asLong();
        var match = dmMatchId(store.matchDm(second, null, idle));
        assertEquals(0, store.get(second).get("conflict_count").asInt());

        var clashing = server.api().patch(store.token, dmMatchPath(store, second, match), object("dm_id", busy)).expect(200);

        assertEquals(List.of(first), longs(clashing.get("conflict_booking_ids")));
        assertEquals(List.of(second), longs(store.get(first).get("conflict_booking_ids")));

        var freed = server.api().delete(store.token, dmMatchPath(store, second, match)).expect(200);

        assertEquals(List.of(), longs(freed.get("conflict_booking_ids")));
        assertEquals(List.of(), longs(store.get(first).get("conflict_booking_ids")));
        assertEquals(0, freed.get("character_dm_matches").size());
    }

    @Test
    void dm_matches_of_a_cancelled_booking_are_fixed() {
        var party = Party.of(server.newStore(SHANGHAI));
        var match = dmMatchId(party.store.matchDm(party.bookingId, null, party.store.dm("Host")));
        party.store.cancel(party.bookingId).expect(200);

        server.api().patch(party.store.token, party.dmMatch(match), object("character_id", null)).expectProblem(409, "booking_not_editable");
        server.api().delete(party.store.token, party.dmMatch(match)).expectProblem(409, "booking_not_editable");
    }

    @Test
    void dm_match_changes_at_a_stale_version_are_412_and_unknown_matches_404() {
        var party = Party.of(server.newStore(SHANGHAI));
        var match = dmMatchId(party.store.matchDm(party.bookingId, null, party.store.dm("Host")));
        var before = party.store.get(party.bookingId);
        var stale = Map.of("If-Match", "\"" + (before.get("version").asLong() - 1) + "\"");

        server.api().patch(party.store.token, party.dmMatch(match), object("character_id", null), stale).expectProblem(412, "version_mismatch");
        server.api().delete(party.store.token, party.dmMatch(match), stale).expectProblem(412, "version_mismatch");
        server.api().delete(party.store.token, party.dmMatch(party.aliceMatch())).expectProblem(404, "character_dm_match_not_found");
        server.api().patch(party.store.token, party.dmMatch(987654321), object()).expectProblem(404, "character_dm_match_not_found");

        assertEquals(before, party.store.get(party.bookingId));
        var deleted = server.api().delete(party.store.token, party.dmMatch(match), Map.of("If-Match", "\"" + before.get("version").asLong() + "\""))
                .expect(200);
        assertNotEquals(before.get("version"), deleted.get("version"));
    }

    @Test
    void a_staff_token_of_another_store_is_403_on_every_party_route() {
        var party = Party.of(server.newStore(SHANGHAI));
        var outsider = server.newStore(SHANGHAI);
        var match = party.clientMatch(party.aliceMatch());

        server.api().delete(outsider.token, party.clients() + "/" + party.alice).expectProblem(403, "forbidden");
        server.api().patch(outsider.token, match, object("client_id", party.bob)).expectProblem(403, "forbidden");
        server.api().delete(outsider.token, match).expectProblem(403, "forbidden");
        server.api().get(outsider.token, party.dmMatches()).expectProblem(403, "forbidden");
        server.api().patch(outsider.token, party.dmMatch(1), "{bad").expectProblem(403, "forbidden");

        assertEquals(2, party.store.get(party.bookingId).get("character_client_matches").size());
    }

    /**
     * An incomplete booking of a script with three player characters and one DM character, whose
     * party is Alice and Bob, matched to the first two player characters.
     */
    private record Party(StoreSetup store, StoreSetup.Script script, long bookingId, long alice, long bob) {

        static Party of(StoreSetup store) {
            var script = store.script("Three players", 120, 3, 1);
            var bookingId = store.incompleteBooking(TWO_PM, script.id());
            var alice = store.client("Alice");
            var bob = store.client("Bob");
            store.addClient(bookingId, alice);
            store.addClient(bookingId, bob);
            store.matchClient(bookingId, script.playerCharacterIds().get(0), alice);
            store.matchClient(bookingId, script.playerCharacterIds().get(1), bob);
            return new Party(store, script, bookingId, alice, bob);
        }

        long aliceMatch() {
            for (var match : store.get(bookingId).get("character_client_matches")) {
                if (match.get("client_id").asLong() == alice) {
                    return match.get("id").asLong();
                }
            }
            throw new AssertionError("alice has no match");
        }

        String clients() {
            return store.booking(bookingId) + "/clients";
        }

        String clientMatches() {
            return store.booking(bookingId) + "/character-client-matches";
        }

        String clientMatch(long matchId) {
            return clientMatches() + "/" + matchId;
        }

        String dmMatches() {
            return store.booking(bookingId) + "/character-dm-matches";
        }

        String dmMatch(long matchId) {
            return dmMatchPath(store, bookingId, matchId);
        }
    }

    private static String dmMatchPath(StoreSetup store, long bookingId, long matchId) {
        return store.booking(bookingId) + "/character-dm-matches/" + matchId;
    }

    /** The id of the newest DM match of a booking answer. */
    private static long dmMatchId(JsonNode booking) {
        var matches = booking.get("character_dm_matches");
        return matches.get(matches.size() - 1).get("id").asLong();
    }

    private static JsonNode dmMatch(JsonNode booking, long matchId) {
        for (var match : booking.get("character_dm_matches")) {
            if (match.get("id").asLong() == matchId) {
                return match;
            }
        }
        throw new AssertionError("no dm match " + matchId + " in " + booking);
    }

    /** The character and client of the client match {@code matchId} in a booking answer. */
    private static List<Long> pair(JsonNode booking, long matchId) {
        for (var match : booking.get("character_client_matches")) {
            if (match.get("id").asLong() == matchId) {
                return List.of(match.get("character_id").asLong(), match.get("client_id").asLong());
            }
        }
        throw new AssertionError("no client match " + matchId + " in " + booking);
    }
}
