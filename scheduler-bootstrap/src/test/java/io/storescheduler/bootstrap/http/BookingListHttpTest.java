package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.Fixtures.FOUR_PM;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.THREE_PM;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static io.storescheduler.bootstrap.http.JsonLists.itemIds;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /bookings}: filters, order, paging, and every booking answered with its conflicts. */
class BookingListHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void bookings_are_listed_by_start_then_id_and_paged_with_their_total(StoreSetup store) {
        var late = store.incompleteBooking(FOUR_PM, null);
        var earlyFirst = store.incompleteBooking(TWO_PM, null);
        var earlySecond = store.incompleteBooking(TWO_PM, null);
        var middle = store.incompleteBooking(THREE_PM, null);
        server.newStore(SHANGHAI).incompleteBooking(TWO_PM, null);

        var all = list(store, "");
        var firstPage = list(store, "?limit=2&offset=0");
        var secondPage = list(store, "?limit=2&offset=2");

        assertEquals(List.of(earlyFirst, earlySecond, middle, late), itemIds(all));
        assertEquals(4, all.get("total").asInt());
        assertEquals(50, all.get("limit").asInt());
        assertEquals(0, all.get("offset").asInt());
        assertEquals(List.of(earlyFirst, earlySecond), itemIds(firstPage));
        assertEquals(List.of(middle, late), itemIds(secondPage));
        assertEquals(4, secondPage.get("total").asInt());
        assertEquals(2, secondPage.get("offset").asInt());
    }

    @Test
    void each_listed_booking_is_the_full_booking_answer(StoreSetup store) {
        var script = store.script("Manor", 120, 1, 1);
        var bookingId = store.matchedBooking(TWO_PM, script, null);
        store.matchDm(bookingId, null, store.dm("Host"));

        var listed = list(store, "").get("items").get(0);

        assertEquals(store.get(bookingId), listed);
        assertEquals(TWO_PM, listed.get("start_at").asText());
    }

    @Test
    void listed_bookings_show_their_conflicts_both_ways(StoreSetup store) {
        var script = store.roomAndScript(180, 1, 0);
        var first = store.scheduledBooking(TWO_PM, script).get("id").asLong();
        var second = store.scheduledBooking(THREE_PM, script).get("id").asLong();
        var apart = store.scheduledBooking("2026-12-06T14:00:00+08:00", script).get("id").asLong();

        var items = list(store, "").get("items");

        assertEquals(List.of(second), longs(items.get(0).get("conflict_booking_ids")));
        assertEquals(List.of(first), longs(items.get(1).get("conflict_booking_ids")));
        assertEquals(1, items.get(0).get("conflict_count").asInt());
        assertTrue(items.get(1).get("has_conflict").asBoolean());
        assertEquals(List.of(), longs(items.get(2).get("conflict_booking_ids")));
        for (var item : items) {
            assertEquals(store.get(item.get("id").asLong()), item, "the list and the booking answer agree");
        }
        assertEquals(apart, items.get(2).get("id").asLong());
    }

    @Test
    void an_incomplete_booking_in_the_list_shows_the_conflicts_it_would_have(StoreSetup store) {
        var roomId = store.room("Only Room", 6);
        var script = store.script("Overlap", 180, 1, 0);
        var scheduled = store.scheduledBooking(TWO_PM, script).get("id").asLong();
        var draft = store.createBooking(THREE_PM, script.id(), roomId).expect(201).get("id").asLong();

        var items = list(store, "").get("items");

        assertEquals(List.of(scheduled, draft), itemIds(list(store, "")));
        assertEquals(List.of(scheduled), longs(items.get(1).get("conflict_booking_ids")));
        assertEquals(List.of(), longs(items.get(0).get("conflict_booking_ids")), "an incomplete booking holds nothing yet");
    }

    @Test
    void bookings_are_filtered_by_one_or_more_statuses_repeated_or_comma_separated(StoreSetup store) {
        var script = store.script("Statuses", 120, 1, 0);
        store.room("Hall", 6);
        var scheduled = store.scheduledBooking(TWO_PM, script).get("id").asLong();
        var incomplete = store.incompleteBooking(THREE_PM, null);
        var cancelled = store.incompleteBooking(FOUR_PM, null);
        store.cancel(cancelled).expect(200);

        assertEquals(List.of(scheduled), itemIds(list(store, "?status=scheduled")));
        assertEquals(List.of(scheduled, incomplete), itemIds(list(store, "?status=scheduled&status=incomplete")));
        assertEquals(List.of(incomplete, cancelled), itemIds(list(store, "?status=incomplete,cancelled")));
        assertEquals(List.of(scheduled, cancelled), itemIds(list(store, "?status=cancelled,scheduled&status=scheduled")));
        assertEquals(List.of(), itemIds(list(store, "?status=completed")));
        assertEquals(1, list(store, "?status=incomplete").get("total").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?status=pending", "?status=Scheduled", "?status=scheduled,", "?status=", "?status=scheduled&status=done"})
    void an_unknown_status_is_400(String query) {
        var store = server.newStore(SHANGHAI);

        var problem = server.api().get(store.token, store.path + "/bookings" + query).expectProblem(400, "invalid_parameter");

        assertEquals("status", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void bookings_are_filtered_by_start_from_inclusive_to_exclusive_at_any_offset(StoreSetup store) {
        var two = store.incompleteBooking(TWO_PM, null);
        var three = store.incompleteBooking(THREE_PM, null);
        var four = store.incompleteBooking(FOUR_PM, null);

        assertEquals(List.of(three, four), itemIds(list(store, "?from=" + encoded(THREE_PM))));
        assertEquals(List.of(two, three), itemIds(list(store, "?to=" + encoded(FOUR_PM))));
        assertEquals(List.of(three), itemIds(list(store, "?from=2026-12-05T07:00:00Z&to=2026-12-05T07:00:01Z")));
        assertEquals(List.of(two), itemIds(list(store, "?from=2026-12-05T06:00:00Z&to=2026-12-05T06:00:00.001Z")));
        assertEquals(List.of(), itemIds(list(store, "?from=" + encoded(TWO_PM) + "&to=" + encoded(TWO_PM))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?from=2026-12-05T14:00:00", "?to=2026-12-05", "?from=tomorrow", "?to=2026-13-05T14:00:00Z"})
    void a_start_bound_without_an_offset_or_malformed_is_400_naming_it(String query) {
        var store = server.newStore(SHANGHAI);

        var problem = server.api().get(store.token, store.path + "/bookings" + query).expectProblem(400, "invalid_datetime");

        assertEquals(query.substring(1, query.indexOf('=')), problem.get("errors").get(0).get("field").asText());
    }

    @Test
    void an_offset_whose_plus_was_not_encoded_is_400_saying_how_to_send_it(StoreSetup store) {

        var problem = server.api().get(store.token, store.path + "/bookings?from=" + THREE_PM).expectProblem(400, "invalid_datetime");

        assertTrue(problem.get("detail").asText().contains("%2B"), problem::toString);
    }

    @Test
    void a_from_after_the_to_is_400(StoreSetup store) {

        server.api().get(store.token, store.path + "/bookings?from=2026-12-06T00:00:00Z&to=2026-12-05T00:00:00Z")
                .expectProblem(400, "invalid_parameter");
    }

    @Test
    void bookings_are_filtered_by_room_slot_and_client(StoreSetup store) {
        var small = store.room("A small", 4);
        var large = store.room("B large", 8);
        var script = store.script("Filters", 120, 1, 0);
        var inSmall = store.scheduledBooking(TWO_PM, script);
        var inLarge = store.scheduledBooking(TWO_PM, script);
        var preferringLarge = store.createBooking(FOUR_PM, null, large).expect(201).get("id").asLong();
        var alice = store.client("Alice");
        store.addClient(preferringLarge, alice);

        assertEquals(small, inSmall.get("room_id").asLong());
        assertEquals(List.of(inSmall.get("id").asLong()), itemIds(list(store, "?room_id=" + small)));
        assertEquals(List.of(inLarge.get("id").asLong(), preferringLarge), itemIds(list(store, "?room_id=" + large)));
        assertEquals(List.of(inSmall.get("id").asLong(), inLarge.get("id").asLong()),
                itemIds(list(store, "?slot_id=" + inSmall.get("slot_id").asLong())));
        assertEquals(List.of(preferringLarge), itemIds(list(store, "?client_id=" + alice)));
        var partyClient = inLarge.get("client_ids").get(0).asLong();
        assertEquals(List.of(inLarge.get("id").asLong()), itemIds(list(store, "?client_id=" + partyClient + "&status=scheduled")));
        assertEquals(List.of(), itemIds(list(store, "?client_id=" + alice + "&room_id=" + small)));
    }

    @Test
    void ids_of_another_store_in_the_filters_match_nothing(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var theirRoom = other.room("Theirs", 6);
        var theirClient = other.client("Theirs");
        var theirs = other.createBooking(TWO_PM, null, theirRoom).expect(201).get("id").asLong();
        other.addClient(theirs, theirClient);
        store.incompleteBooking(TWO_PM, null);

        assertEquals(List.of(), itemIds(list(store, "?room_id=" + theirRoom)));
        assertEquals(List.of(), itemIds(list(store, "?client_id=" + theirClient)));
        assertEquals(1, list(store, "").get("total").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?room_id=0", "?room_id=-3", "?slot_id=abc", "?client_id=1.5", "?client_id=", "?slot_id=99999999999999999999"})
    void an_id_filter_that_is_not_a_positive_whole_number_is_400(String query) {
        var store = server.newStore(SHANGHAI);

        server.api().get(store.token, store.path + "/bookings" + query).expectProblem(400, "invalid_parameter");
    }

    @Test
    void a_bad_page_is_400_and_a_staff_token_of_another_store_403(StoreSetup store) {
        var other = server.newStore(SHANGHAI);

        server.api().get(store.token, store.path + "/bookings?limit=201").expectProblem(400, "invalid_parameter");
        server.api().get(store.token, store.path + "/bookings?offset=-1").expectProblem(400, "invalid_parameter");
        server.api().get(store.token, other.path + "/bookings").expectProblem(403, "forbidden");
        server.api().get(store.token, other.path + "/bookings?status=nonsense").expectProblem(403, "forbidden");
        server.api().get(null, store.path + "/bookings").expectProblem(401, "unauthorized");
    }

    private static JsonNode list(StoreSetup store, String query) {
        return server.api().get(store.token, store.path + "/bookings" + query).expect(200);
    }

    private static String encoded(String datetime) {
        return datetime.replace("+", "%2B");
    }
}
