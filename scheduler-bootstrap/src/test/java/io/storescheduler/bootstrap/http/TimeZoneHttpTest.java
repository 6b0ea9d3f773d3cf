package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Datetimes come back at the store's own offset for each instant, across daylight-saving changes,
 * and durations are real elapsed minutes. New York springs forward on 2026-03-08 at 02:00 and
 * falls back on 2026-11-01 at 02:00.
 */
class TimeZoneHttpTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /**
     * Each row creates one booking in a fresh New York store: the start as sent, the script's
     * minutes (empty: no script, so no end), and the start and end it comes back with.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            winter day renders at -05:00,            2026-03-07T14:00:00-05:00, 120, 2026-03-07T14:00:00-05:00, 2026-03-07T16:00:00-05:00
            summer day renders at -04:00,            2026-03-09T14:00:00-04:00, 120, 2026-03-09T14:00:00-04:00, 2026-03-09T16:00:00-04:00
            a game across the fall back lasts its real minutes, 2026-11-01T00:30:00-04:00, 240, -, 2026-11-01T03:30:00-05:00
            repeated hour of the fall back first instant,  2026-11-01T01:30:00-04:00, -, 2026-11-01T01:30:00-04:00, -
            repeated hour of the fall back second instant, 2026-11-01T01:30:00-05:00, -, 2026-11-01T01:30:00-05:00, -
            input at UTC comes back at the store offset,   2026-03-07T19:00:00+00:00, 120, 2026-03-07T14:00:00-05:00, -
            input in Zulu comes back at the store offset,  2026-07-01T18:00:00Z,      120, 2026-07-01T14:00:00-04:00, -
            input at Tokyo comes back at the store offset, 2026-03-08T04:00:00+09:00, 120, 2026-03-07T14:00:00-05:00, -
            """)
    void a_booking_renders_at_the_store_offset_in_force_for_its_own_instant(
            String row, String startAt, Integer minutes, String expectedStart, String expectedEnd) {
        var store = server.newStore(NEW_YORK);
        var scriptId = minutes == null ? null : store.script("Timed", minutes, 1, 0).id();

        var booking = store.createBooking(startAt, scriptId, null).expect(201);

        if (expectedStart != null) {
            assertEquals(expectedStart, booking.get("start_at").asText());
        }
        if (expectedEnd != null) {
            assertEquals(expectedEnd, booking.get("end_at").asText());
        }
    }

    @Test
    void a_game_across_the_spring_forward_lasts_its_real_minutes() {
        var store = server.newStore(NEW_YORK);
        var script = store.roomAndScript(240, 1, 0);

        var bookingId = store.matchedBooking("2026-03-08T00:30:00-05:00", script, null);
        var created = store.get(bookingId);
        var scheduled = store.confirm(bookingId).expect(200);

        assertEquals("2026-03-08T00:30:00-05:00", created.get("start_at").asText());
        assertEquals("2026-03-08T05:30:00-04:00", created.get("end_at").asText());
        assertEquals("2026-03-08T05:30:00-04:00", scheduled.get("end_at").asText());
    }

    @Test
    void a_start_changed_at_another_offset_comes_back_at_the_store_offset() {
        var store = server.newStore(NEW_YORK);
        var bookingId = store.incompleteBooking("2026-03-07T14:00:00-05:00", store.script("One hour", 60, 1, 0).id());

        var moved = store.api.patch(store.token, store.booking(bookingId), object("start_at", "2026-03-10T01:00:00+08:00"), Map.of())
                .expect(200);

        assertEquals("2026-03-09T13:00:00-04:00", moved.get("start_at").asText());
        assertEquals("2026-03-09T14:00:00-04:00", moved.get("end_at").asText());
    }

    @Test
    void the_same_instant_at_different_offsets_is_one_slot() {
        var store = server.newStore(NEW_YORK);
        store.room("Parlor", 6);
        store.room("Study", 6);
        var script = store.script("Two hours", 120, 1, 0);

        var local = store.scheduledBooking("2026-03-07T14:00:00-05:00", script);
        var utc = store.scheduledBooking("2026-03-07T19:00:00Z", script);

        assertEquals(local.get("slot_id"), utc.get("slot_id"));
        assertEquals(local.get("start_at"), utc.get("start_at"));
        assertNotEquals(local.get("room_id"), utc.get("room_id"));
    }

    @Test
    void record_times_are_rendered_at_the_store_offset_too() {
        var store = server.newStore(NEW_YORK);

        var booking = store.createBooking("2026-03-07T14:00:00-05:00", null, null).expect(201);

        var createdAt = OffsetDateTime.parse(booking.get("created_at").asText());
        var expectedOffset = ZoneId.of(NEW_YORK).getRules().getOffset(createdAt.toInstant());
        assertEquals(expectedOffset, createdAt.getOffset());
        assertEquals(createdAt.getOffset(), OffsetDateTime.parse(booking.get("updated_at").asText()).getOffset());
    }
}
