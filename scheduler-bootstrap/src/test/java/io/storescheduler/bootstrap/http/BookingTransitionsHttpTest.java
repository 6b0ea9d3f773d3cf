package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cancel and complete over HTTP, and the version guard ({@code If-Match}) on every booking write. */
class BookingTransitionsHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @ParameterizedTest(name = "{1} of a {0} booking -> {2}")
    @CsvSource({
        "incomplete, cancel,   cancelled",
        "scheduled,  cancel,   cancelled",
        "cancelled,  cancel,   409",
        "completed,  cancel,   409",
        "incomplete, complete, 409",
        "scheduled,  complete, completed",
        "cancelled,  complete, 409",
        "completed,  complete, 409",
    })
    void cancel_and_complete_move_a_booking_only_along_the_state_machine(String from, String action, String outcome) {
        var store = server.newStore(SHANGHAI);
        store.room("Den", 6);
        var bookingId = bookingIn(store, from);
        var before = store.get(bookingId);

        var answer = act(store, action, bookingId);

        if (outcome.equals("409")) {
            var problem = answer.expectProblem(409, "invalid_transition");
            assertEquals(from, problem.get("current_status").asText());
            assertTrue(problem.get("detail").asText().contains(from), problem::toString);
            assertEquals(before, store.get(bookingId), "a refused transition changes nothing");
        } else {
            var changed = answer.expect(200);
            assertEquals(outcome, changed.get("status").asText());
            assertEquals("\"" + changed.get("version").asLong() + "\"", answer.header("ETag"));
            assertTrue(changed.get("version").asLong() > before.get("version").asLong());
            assertEquals(changed, store.get(bookingId));
        }
    }

    @Test
    void a_refusal_names_the_current_status_in_words(StoreSetup store) {
        var bookingId = store.incompleteBooking(TWO_PM, null);

        var problem = store.complete(bookingId).expectProblem(409, "invalid_transition");

        assertEquals("cannot complete an incomplete booking", problem.get("detail").asText());
    }

    @Test
    void a_draft_without_a_script_can_be_cancelled(StoreSetup store) {
        var bookingId = store.incompleteBooking(TWO_PM, null);

        var cancelled = store.cancel(bookingId).expect(200);

        assertEquals("cancelled", cancelled.get("status").asText());
        assertTrue(cancelled.get("script_id").isNull());
        assertEquals(cancelled, store.get(bookingId));
    }

    @Test
    void cancelling_one_of_two_overlapping_bookings_clears_the_conflict_on_both(StoreSetup store) {
        var script = store.roomAndScript(180, 1, 0);
        var first = store.scheduledBooking(TWO_PM, script).get("id").asLong();
        var second = store.scheduledBooking("2026-12-05T15:00:00+08:00", script).get("id").asLong();
        assertEquals(List.of(first), longs(store.get(second).get("conflict_booking_ids")));

        var cancelled = store.cancel(first).expect(200);

        assertEquals(List.of(), longs(cancelled.get("conflict_booking_ids")));
        assertEquals(List.of(), longs(store.get(second).get("conflict_booking_ids")));
        assertEquals(0, store.get(second).get("conflict_count").asInt());
    }

    @Test
    void a_completed_booking_keeps_its_room_and_slot_and_holds_them_no_more(StoreSetup store) {
        var script = store.roomAndScript(180, 1, 0);
        var first = store.scheduledBooking(TWO_PM, script);
        var second = store.scheduledBooking("2026-12-05T15:00:00+08:00", script).get("id").asLong();

        var completed = store.complete(first.get("id").asLong()).expect(200);

        assertEquals(first.get("room_id"), completed.get("room_id"));
        assertEquals(first.get("slot_id"), completed.get("slot_id"));
        assertEquals(List.of(), longs(completed.get("conflict_booking_ids")));
        assertEquals(List.of(), longs(store.get(second).get("conflict_booking_ids")));
    }

    @Test
    void cancel_of_a_booking_of_another_store_is_not_found(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var bookingId = other.incompleteBooking(TWO_PM, null);

        store.cancel(bookingId).expectProblem(404, "booking_not_found");

        assertEquals("incomplete", other.get(bookingId).get("status").asText());
    }

    @ParameterizedTest(name = "{0} with a stale If-Match")
    @CsvSource({"cancel", "complete", "confirm", "character-client-matches", "character-dm-matches"})
    void a_write_with_a_stale_if_match_is_refused_with_412_and_changes_nothing(String write) {
        var store = server.newStore(SHANGHAI);
        var script = store.roomAndScript(120, 1, 1);
        var dm = store.dm("Host");
        var bookingId = store.createBooking(TWO_PM, script.id(), null).expect(201).get("id").asLong();
        var clientId = store.client("Guest");
        var stale = store.get(bookingId).get("version").asLong();
        store.addClient(bookingId, clientId);
        if (write.equals("complete") || write.equals("confirm")) {
            store.matchClient(bookingId, script.playerCharacterIds().get(0), clientId);
        }
        if (write.equals("complete")) {
            store.confirm(bookingId).expect(200);
        }
        var before = store.get(bookingId);
        var ifMatch = Map.of("If-Match", "\"" + stale + "\"");

        var answer = switch (write) {
            case "character-client-matches" -> store.api.post(store.token, store.booking(bookingId) + "/" + write,
                    object("character_id", script.playerCharacterIds().get(0), "client_id", clientId), ifMatch);
            case "character-dm-matches" -> store.api.post(store.token, store.booking(bookingId) + "/" + write,
                    object("character_id", script.dmCharacterIds().get(0), "dm_id", dm), ifMatch);
            default -> store.api.send("POST", store.booking(bookingId) + "/" + write, store.token, null, null, ifMatch);
        };

        answer.expectProblem(412, "version_mismatch");
        assertEquals(before, store.get(bookingId));
    }

    @Test
    void cancel_and_complete_with_the_current_version_succeed(StoreSetup store) {
        var script = store.roomAndScript(120, 1, 0);
        var scheduled = store.scheduledBooking(TWO_PM, script);
        var current = Map.of("If-Match", "\"" + scheduled.get("version").asLong() + "\"");
        var incomplete = store.get(store.incompleteBooking(TWO_PM, null));
        var currentOfIncomplete = Map.of("If-Match", "\"" + incomplete.get("version").asLong() + "\"");

        store.api.send("POST", store.booking(scheduled.get("id").asLong()) + "/complete", store.token, null, null, current).expect(200);
        store.api.send("POST", store.booking(incomplete.get("id").asLong()) + "/cancel", store.token, null, null, currentOfIncomplete).expect(200);
    }

    private static Answer act(StoreSetup store, String action, long bookingId) {
        return action.equals("cancel") ? store.cancel(bookingId) : store.complete(bookingId);
    }

    /** A booking brought to {@code status} through the API. */
    private static long bookingIn(StoreSetup store, String status) {
        var script = store.script("Path to " + status, 120, 1, 0);
        return switch (status) {
            case "incomplete" -> store.incompleteBooking(TWO_PM, script.id());
            case "scheduled" -> id(store.scheduledBooking(TWO_PM, script));
            case "cancelled" -> id(store.cancel(store.incompleteBooking(TWO_PM, script.id())).expect(200));
            case "completed" -> id(store.complete(id(store.scheduledBooking(TWO_PM, script))).expect(200));
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static long id(JsonNode booking) {
        return booking.get("id").asLong();
    }
}
