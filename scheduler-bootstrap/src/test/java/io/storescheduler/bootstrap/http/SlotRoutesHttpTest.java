package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.FOUR_PM;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static io.storescheduler.bootstrap.http.JsonLists.itemIds;
import static io.storescheduler.bootstrap.http.JsonLists.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store's slots: one per start time, created ahead or by confirm, moved and deleted only while free. */
class SlotRoutesHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_slot_is_created_with_a_note_and_read_back_at_the_store_offset(StoreSetup store) {

        var created = server.api().post(store.token, slots(store), object("start_at", "2026-12-05T06:00:00Z", "note", "Saturday matinee")).expect(201);

        assertEquals(TWO_PM, created.get("start_at").asText());
        assertEquals("Saturday matinee", created.get("note").asText());
        assertEquals(List.of(), longs(created.get("booking_ids")));
        assertEquals(created, server.api().get(store.token, slot(store, created.get("id").asLong())).expect(200));
    }

    @Test
    void a_slot_without_a_note_has_a_null_note(StoreSetup store) {

        assertTrue(server.api().post(store.token, slots(store), object("start_at", TWO_PM)).expect(201).get("note").isNull());
    }

    @Test
    void a_second_slot_at_the_same_instant_is_409_whatever_its_offset(StoreSetup store) {
        server.api().post(store.token, slots(store), object("start_at", TWO_PM)).expect(201);

        server.api().post(store.token, slots(store), object("start_at", TWO_PM)).expectProblem(409, "slot_exists");
        server.api().post(store.token, slots(store), object("start_at", "2026-12-05T06:00:00Z", "note", "again")).expectProblem(409, "slot_exists");
        create(server.newStore(SHANGHAI), TWO_PM);

        assertEquals(1, list(store, "").get("total").asInt(), "another store's slot at that start is its own");
    }

    @Test
    void confirm_takes_the_slot_the_desk_made_and_the_slot_lists_its_bookings(StoreSetup store) {
        store.room("Hall", 6);
        store.room("Attic", 6);
        var script = store.script("Slotted", 120, 1, 0);
        var slotId = server.api().post(store.token, slots(store), object("start_at", TWO_PM, "note", "busy")).expect(201).get("id").asLong();

        var first = store.scheduledBooking(TWO_PM, script);
        var second = store.scheduledBooking(TWO_PM, script);

        assertEquals(slotId, first.get("slot_id").asLong());
        assertEquals(slotId, second.get("slot_id").asLong());
        var slot = server.api().get(store.token, slot(store, slotId)).expect(200);
        assertEquals(List.of(first.get("id").asLong(), second.get("id").asLong()), longs(slot.get("booking_ids")));
        assertEquals("busy", slot.get("note").asText());
    }

    @Test
    void slots_are_listed_by_start_within_from_and_to_and_paged(StoreSetup store) {
        var late = create(store, "2026-12-06T10:00:00+08:00");
        var early = create(store, "2026-12-05T10:00:00+08:00");
        var middle = create(store, TWO_PM);
        create(server.newStore(SHANGHAI), TWO_PM);

        assertEquals(List.of(early, middle, late), itemIds(list(store, "")));
        assertEquals(List.of(middle, late), itemIds(list(store, "?from=" + encoded(TWO_PM))));
        assertEquals(List.of(early), itemIds(list(store, "?to=" + encoded(TWO_PM))));
        assertEquals(List.of(middle), itemIds(list(store, "?from=2026-12-05T06:00:00Z&to=2026-12-06T00:00:00Z")));
        var page = list(store, "?limit=1&offset=1");
        assertEquals(List.of(middle), itemIds(page));
        assertEquals(3, page.get("total").asInt());
    }

    @Test
    void a_bad_list_parameter_is_400(StoreSetup store) {

        server.api().get(store.token, slots(store) + "?from=2026-12-05T14:00:00").expectProblem(400, "invalid_datetime");
        server.api().get(store.token, slots(store) + "?to=soon").expectProblem(400, "invalid_datetime");
        server.api().get(store.token, slots(store) + "?from=2026-12-06T00:00:00Z&to=2026-12-05T00:00:00Z").expectProblem(400, "invalid_parameter");
        server.api().get(store.token, slots(store) + "?limit=500").expectProblem(400, "invalid_parameter");
    }

    @Test
    void an_empty_slot_is_moved_and_its_note_changed_or_cleared(StoreSetup store) {
        var slotId = server.api().post(store.token, slots(store), object("start_at", TWO_PM, "note", "first")).expect(201).get("id").asLong();

        var moved = server.api().patch(store.token, slot(store, slotId), object("start_at", "2026-12-05T08:00:00Z", "note", "moved"))
                .expect(200);
        var cleared = server.api().patch(store.token, slot(store, slotId), object("note", null)).expect(200);

        assertEquals(FOUR_PM, moved.get("start_at").asText());
        assertEquals("moved", moved.get("note").asText());
        assertEquals(FOUR_PM, cleared.get("start_at").asText());
        assertTrue(cleared.get("note").isNull());
        assertEquals(cleared, server.api().get(store.token, slot(store, slotId)).expect(200));
    }

    @Test
    void moving_a_slot_onto_the_start_of_another_is_409(StoreSetup store) {
        var slotId = create(store, TWO_PM);
        create(store, FOUR_PM);

        server.api().patch(store.token, slot(store, slotId), object("start_at", FOUR_PM)).expectProblem(409, "slot_exists");

        assertEquals(TWO_PM, server.api().get(store.token, slot(store, slotId)).expect(200).get("start_at").asText());
    }

    @Test
    void a_slot_holding_a_scheduled_booking_is_neither_moved_nor_deleted_but_its_note_may_change(StoreSetup store) {
        var booking = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var slotId = booking.get("slot_id").asLong();

        server.api().patch(store.token, slot(store, slotId), object("start_at", FOUR_PM)).expectProblem(409, "slot_has_bookings");
        server.api().delete(store.token, slot(store, slotId)).expectProblem(409, "slot_has_bookings");
        var noted = server.api().patch(store.token, slot(store, slotId), object("note", "VIP table", "start_at", TWO_PM)).expect(200);

        assertEquals("VIP table", noted.get("note").asText());
        assertEquals(TWO_PM, noted.get("start_at").asText());
        assertEquals(booking.get("version"), store.get(booking.get("id").asLong()).get("version"));
    }

    @Test
    void a_slot_holding_a_completed_booking_is_not_deleted(StoreSetup store) {
        var booking = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        store.complete(booking.get("id").asLong()).expect(200);

        server.api().delete(store.token, slot(store, booking.get("slot_id").asLong())).expectProblem(409, "slot_has_bookings");
    }

    @Test
    void deleting_a_slot_whose_bookings_are_all_cancelled_lets_them_go_and_answers_204(StoreSetup store) {
        var booking = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var bookingId = booking.get("id").asLong();
        var slotId = booking.get("slot_id").asLong();
        var cancelled = store.cancel(bookingId).expect(200);

        var deleted = server.api().delete(store.token, slot(store, slotId));

        assertEquals(204, deleted.status());
        assertTrue(deleted.text().isEmpty());
        server.api().get(store.token, slot(store, slotId)).expectProblem(404, "slot_not_found");
        var after = store.get(bookingId);
        assertTrue(after.get("slot_id").isNull());
        assertEquals("cancelled", after.get("status").asText());
        assertEquals(cancelled.get("version").asLong() + 1, after.get("version").asLong());
    }

    @Test
    void moving_a_slot_whose_bookings_are_all_cancelled_lets_them_go(StoreSetup store) {
        var booking = store.scheduledBooking(TWO_PM, store.roomAndScript(120, 1, 0));
        var slotId = booking.get("slot_id").asLong();
        store.cancel(booking.get("id").asLong()).expect(200);

        var moved = server.api().patch(store.token, slot(store, slotId), object("start_at", FOUR_PM)).expect(200);

        assertEquals(List.of(), longs(moved.get("booking_ids")));
        assertTrue(store.get(booking.get("id").asLong()).get("slot_id").isNull());
        assertEquals(TWO_PM, store.get(booking.get("id").asLong()).get("start_at").asText());
    }

    @Test
    void an_empty_slot_is_deleted_and_a_missing_one_is_404(StoreSetup store) {
        var slotId = create(store, TWO_PM);

        assertEquals(204, server.api().delete(store.token, slot(store, slotId)).status());

        server.api().delete(store.token, slot(store, slotId)).expectProblem(404, "slot_not_found");
        server.api().patch(store.token, slot(store, slotId), object("note", "x")).expectProblem(404, "slot_not_found");
        server.api().get(store.token, slots(store) + "/abc").expectProblem(404, "not_found");
        assertEquals(0, list(store, "").get("total").asInt());
    }

    @Test
    void a_slot_of_another_store_is_404_and_another_stores_token_403(StoreSetup store) {
        var other = server.newStore(SHANGHAI);
        var theirs = create(other, TWO_PM);

        server.api().get(store.token, slot(store, theirs)).expectProblem(404, "slot_not_found");
        server.api().patch(store.token, slot(store, theirs), object("note", "mine")).expectProblem(404, "slot_not_found");
        server.api().delete(store.token, slot(store, theirs)).expectProblem(404, "slot_not_found");
        server.api().get(store.token, slot(other, theirs)).expectProblem(403, "forbidden");
        server.api().post(store.token, slots(other), "{bad").expectProblem(403, "forbidden");
        server.api().delete(store.token, slot(other, theirs)).expectProblem(403, "forbidden");
        server.api().get(null, slots(store)).expectProblem(401, "unauthorized");

        assertTrue(server.api().get(other.token, slot(other, theirs)).expect(200).get("note").isNull());
    }

    @Test
    void a_malformed_slot_body_is_400_and_one_out_of_bounds_422(StoreSetup store) {
        var slotId = create(store, TWO_PM);

        server.api().post(store.token, slots(store), object("note", "no start")).expectProblem(400, "missing_field");
        server.api().post(store.token, slots(store), object("start_at", "2026-12-05T14:00:00")).expectProblem(400, "invalid_datetime");
        server.api().post(store.token, slots(store), object("start_at", TWO_PM, "booking_ids", List.of())).expectProblem(400, "unknown_field");
        server.api().post(store.token, slots(store), object("start_at", 1764915200)).expectProblem(400, "invalid_type");
        server.api().post(store.token, slots(store), object("start_at", FOUR_PM, "note", "n".repeat(2001))).expectProblem(422, "invalid_value");
        server.api().patch(store.token, slot(store, slotId), object("start_at", null)).expectProblem(400, "invalid_type");
        server.api().patch(store.token, slot(store, slotId), object("start_at", "later")).expectProblem(400, "invalid_datetime");
        server.api().patch(store.token, slot(store, slotId), object("id", 3)).expectProblem(400, "unknown_field");

        assertEquals(1, list(store, "").get("total").asInt());
    }

    private static long create(StoreSetup store, String startAt) {
        return server.api().post(store.token, slots(store), object("start_at", startAt)).expect(201).get("id").asLong();
    }

    private static JsonNode list(StoreSetup store, String query) {
        return server.api().get(store.token, slots(store) + query).expect(200);
    }

    private static String slots(StoreSetup store) {
        return store.path + "/slots";
    }

    private static String slot(StoreSetup store, long slotId) {
        return slots(store) + "/" + slotId;
    }

    private static String encoded(String datetime) {
        return datetime.replace("+", "%2B");
    }
}
