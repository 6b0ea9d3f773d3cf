package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's event feed: every booking change, in commit order, paged by an opaque cursor, held open with wait_seconds. */
class EventFeedHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void every_booking_change_writes_one_event_of_its_type_with_the_booking_as_get_answered_it(StoreSetup store) {
        var script = store.script("Night Train", 120, 1, 1);
        var dmId = store.dm("Zhou");
        var bookingId = store.incompleteBooking(TWO_PM, script.id());
        var clientId = store.client("Li Wei");
        store.addClient(bookingId, clientId);
        store.matchClient(bookingId, script.playerCharacterIds().getFirst(), clientId);
        store.matchDm(bookingId, script.dmCharacterIds().getFirst(), dmId);
        store.room("Hall", 6);
        var confirmed = store.confirm(bookingId).expect(200);
        store.api.patch(store.token, store.booking(bookingId), object("note", "window seat"), Map.of()).expect(200);
        var completed = store.complete(bookingId).expect(200);

        var events = store.api.get(store.token, store.path + "/events").expect(200).get("items");

        assertEquals(List.of("booking.created", "booking.party_changed", "booking.matches_changed", "booking.matches_changed",
                "booking.confirmed", "booking.changed", "booking.completed"), field(events, "type"));
        assertEquals(confirmed, events.get(4).get("booking"), "the booking as confirm answered it");
        assertEquals(completed, events.get(6).get("booking"));
        assertEquals(store.get(bookingId), events.get(6).get("booking"));
        for (var event : events) {
            assertEquals(bookingId, event.get("booking_id").asLong());
            assertEquals(store.storeId, event.get("store_id").asLong());
            assertEquals(event.get("booking").get("updated_at"), event.get("occurred_at"), "the change's time, at the store's offset");
        }
    }

    @Test
    void a_refused_change_writes_no_event(StoreSetup store) {
        var bookingId = store.incompleteBooking(TWO_PM, store.script("Empty", 120, 1, 0).id());

        store.confirm(bookingId).expectProblem(409, "confirm_preconditions_failed");
        store.complete(bookingId).expect(409);

        assertEquals(List.of("booking.created"), field(store.api.get(store.token, store.path + "/events").expect(200).get("items"), "type"));
    }

    @Test
    void pages_follow_on_from_next_and_an_empty_page_keeps_it(StoreSetup store) {
        var script = store.script("Paged", 120, 1, 0);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.incompleteBooking(TWO_PM, script.id()));
        }

        var first = store.api.get(store.token, store.path + "/events?limit=2").expect(200);
        var second = store.api.get(store.token, store.path + "/events?limit=2&after=" + first.get("next").asText()).expect(200);
        var third = store.api.get(store.token, store.path + "/events?limit=2&after=" + second.get("next").asText()).expect(200);
        var end = store.api.get(store.token, store.path + "/events?limit=2&after=" + third.get("next").asText()).expect(200);

        var read = new ArrayList<Long>();
        for (var page : List.of(first, second, third)) {
            page.get("items").forEach(event -> read.add(event.get("booking_id").asLong()));
        }
        assertEquals(ids, read);
        assertEquals(0, end.get("items").size());
        assertEquals(third.get("next"), end.get("next"));
    }

    @Test
    void a_store_sees_its_own_events_only(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        other.incompleteBooking(TWO_PM, other.script("Theirs", 120, 1, 0).id());

        assertEquals(0, store.api.get(store.token, store.path + "/events").expect(200).get("items").size());
        store.api.get(store.token, other.path + "/events").expectProblem(403, "forbidden");
    }

    @Test
    void bad_parameters_are_400s_naming_them(StoreSetup store) {
        for (var query : List.of("after=abc", "after=-1", "after=1234567890123456789", "after=")) {
            var problem = store.api.get(store.token, store.path + "/events?" + query).expectProblem(400, "invalid_cursor");
            assertEquals("after", problem.get("errors").get(0).get("field").asText(), query);
        }
        for (var query : List.of("limit=0", "limit=201", "limit=x", "wait_seconds=0", "wait_seconds=31", "wait_seconds=1.5")) {
            var problem = store.api.get(store.token, store.path + "/events?" + query).expectProblem(400, "invalid_parameter");
            assertEquals(query.substring(0, query.indexOf('=')), problem.get("errors").get(0).get("field").asText(), query);
        }
    }

    @Test
    void a_waiting_reader_is_answered_by_the_event_that_commits_while_it_waits(StoreSetup store) {
        var script = store.script("Awaited", 120, 1, 0);
        var next = store.api.get(store.token, store.path + "/events").expect(200).get("next").asText();

        var waiting = CompletableFuture.supplyAsync(() ->
                store.api.get(store.token, store.path + "/events?wait_seconds=25&after=" + next).expect(200));
        var bookingId = store.incompleteBooking(TWO_PM, script.id());

        var items = waiting.join().get("items");
        assertEquals(1, items.size(), "woken with the event, not answered empty at the timeout");
        assertEquals(bookingId, items.get(0).get("booking_id").asLong());
    }

    @Test
    void a_waiting_reader_with_nothing_to_read_is_answered_empty_at_its_time(StoreSetup store) {

        var answer = store.api.get(store.token, store.path + "/events?wait_seconds=1").expect(200);

        assertEquals(0, answer.get("items").size());
        assertEquals("0", answer.get("next").asText());
    }

    private static List<String> field(JsonNode items, String name) {
        var values = new ArrayList<String>();
        items.forEach(item -> values.add(item.get(name).asText()));
        assertTrue(values.size() == items.size());
        return values;
    }
}
