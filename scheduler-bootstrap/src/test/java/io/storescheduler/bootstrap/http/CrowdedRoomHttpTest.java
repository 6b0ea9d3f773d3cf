package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One room holding a thousand overlapping scheduled games, which nothing stops a staff token from
 * making. Every answer stays bounded all the same: a page of 200 of them is a few hundred KB, each
 * with its exact count (999) and the smallest 100 ids; {@code GET .../conflicts} pages through all
 * 999; and a dozen parallel readers of that page all get their answer while another store's
 * requests go on as usual.
 *
 * <p>The crowd is one booking made through the API (party, matches, confirm), copied 999 times in
 * SQL with its party and matches: the rows are what the API writes, without 5,000 requests. The
 * full recount, which pages every truncated list, runs on a smaller room just past the cap.
 */
class CrowdedRoomHttpTest {

    private static final int CROWD = 1_000;
    private static final int PAGE = 200;
    /** A few hundred KB: what the specification allows a list answer. */
    private static final int MOST_BYTES_OF_A_PAGE = 300 * 1024;
    private static final int READERS = 12;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static StoreSetup crowded;
    private static long roomId;
    private static List<Long> crowd;
    private static StoreSetup neighbour;
    private static long neighbourBooking;

    @BeforeAll
    static void fillOneRoomWithAThousandGamesAtOnce() throws SQLException {
        crowded = server.newStore(SHANGHAI);
        roomId = crowded.room("Parlour", 6);
        var template = crowded.scheduledBooking(TWO_PM, crowded.script("Night Train", 240, 2, 0)).get("id").asLong();
        copy(crowded, template, CROWD - 1);
        crowd = allBookings(crowded).stream().map(booking -> booking.get("id").asLong()).sorted().toList();
        neighbour = server.newStore(SHANGHAI);
        neighbour.room("Attic", 4);
        neighbourBooking = neighbour.scheduledBooking(TWO_PM, neighbour.script("Fog Harbour", 180, 1, 0)).get("id").asLong();
    }

    @Test
    void the_crowd_is_a_thousand_scheduled_games_in_one_room_at_once() {
        var all = allBookings(crowded);

        assertEquals(CROWD, all.size());
        for (var booking : all) {
            assertEquals("scheduled", booking.get("status").asText());
            assertEquals(roomId, booking.get("room_id").asLong());
            assertEquals(TWO_PM, booking.get("start_at").asText());
            assertEquals(2, booking.get("character_client_matches").size(), booking::toString);
        }
    }

    @Test
    void a_page_of_200_crowded_bookings_is_a_bounded_answer_with_exact_counts_and_the_smallest_ids() {
        for (var offset = 0; offset < CROWD; offset += PAGE) {
            var answer = crowded.api.get(crowded.token, crowded.path + "/bookings?limit=" + PAGE + "&offset=" + offset);
            var page = answer.expect(200);
            var bytes = answer.text().getBytes(StandardCharsets.UTF_8).length;

            assertTrue(bytes <= MOST_BYTES_OF_A_PAGE, "a page of " + PAGE + " crowded bookings is " + bytes + " bytes");
            assertEquals(PAGE, page.get("items").size());
            for (var booking : page.get("items")) {
                var id = booking.get("id").asLong();
                assertEquals(CROWD - 1, booking.get("conflict_count").asInt(), booking::toString);
                assertEquals(smallestConflictsOf(id), JsonLists.longs(booking.get("conflict_booking_ids")), booking::toString);
                assertTrue(booking.get("conflict_booking_ids_truncated").asBoolean(), booking::toString);
                assertTrue(booking.get("has_conflict").asBoolean(), booking::toString);
            }
        }
    }

    @Test
    void one_crowded_booking_read_alone_counts_all_999_and_lists_the_smallest_100() {
        var last = crowd.getLast();

        var booking = crowded.get(last);

        assertEquals(CROWD - 1, booking.get("conflict_count").asInt());
        assertEquals(crowd.subList(0, ConflictRecount.LISTED), JsonLists.longs(booking.get("conflict_booking_ids")));
        assertTrue(booking.get("conflict_booking_ids_truncated").asBoolean());
    }

    @Test
    void the_conflicts_of_a_crowded_booking_page_through_all_999_once_each_by_id_and_say_what_is_shared() {
        for (var id : List.of(crowd.getFirst(), crowd.get(CROWD / 2), crowd.getLast())) {
            var others = crowd.stream().filter(other -> other != id.longValue()).toList();
            assertEquals(others, ConflictRecount.pagedThrough(crowded.api, crowded.token, crowded.path).of(id));

            var paged = new ArrayList<Long>();
            for (var offset = 0; offset < CROWD + 50; offset += 50) {
                var page = crowded.api.get(crowded.token, crowded.booking(id) + "/conflicts?offset=" + offset).expect(200);
                assertEquals(50, page.get("limit").asInt(), "the default limit");
                assertEquals(CROWD - 1, page.get("total").asInt());
                for (var item : page.get("items")) {
                    assertEquals(roomId, item.get("room_id").asLong(), item::toString);
                    assertTrue(item.get("shares_room").asBoolean(), item::toString);
                    assertEquals(0, item.get("shared_dm_ids").size(), item::toString);
                    assertEquals(TWO_PM, item.get("start_at").asText(), item::toString);
                    paged.add(item.get("booking_id").asLong());
                }
            }
            assertEquals(others, paged, "pages of 50, and an empty page past the end");
        }
    }

    @Test
    void the_conflicts_of_another_stores_booking_are_not_found_nor_another_stores_path_allowed() {
        crowded.api.get(crowded.token, crowded.path + "/bookings/" + neighbourBooking + "/conflicts").expectProblem(404, "booking_not_found");
        crowded.api.get(crowded.token, neighbour.booking(neighbourBooking) + "/conflicts").expectProblem(403, "forbidden");
    }

    /**
     * Three waves of 40 games in one room, two hours apart: the middle wave overlaps both others
     * (119 conflicts, past the cap), the outer ones only the middle (79). Small enough to page every
     * truncated list in full and recount every pair.
     */
    @Test
    void a_room_a_little_past_the_cap_agrees_with_a_recount_paged_in_full(StoreSetup store) throws SQLException {
        var script = store.roomAndScript(240, 1, 0);
        for (var start : List.of("2026-12-05T14:00:00+08:00", "2026-12-05T16:00:00+08:00", "2026-12-05T18:00:00+08:00")) {
            copy(store, store.scheduledBooking(start, script).get("id").asLong(), 39);
        }

        var all = allBookings(store);

        assertEquals(120, all.size());
        assertEquals(40, all.stream().filter(booking -> booking.get("conflict_booking_ids_truncated").asBoolean()).count());
        assertEquals(80, all.stream().filter(booking -> booking.get("conflict_count").asInt() == 79).count());
        ConflictRecount.assertEveryConflictListIsTrueAndSymmetric(all, ConflictRecount.pagedThrough(store.api, store.token, store.path));
    }

    @Test
    void twelve_parallel_readers_of_the_crowd_all_get_their_page_while_another_store_answers_as_usual() throws Exception {
        var readers = Collections.<Callable<Integer>>nCopies(READERS,
                () -> crowded.api.get(crowded.token, crowded.path + "/bookings?limit=" + PAGE).status());

        var statuses = Racing.atOnce(readers, () -> {
            var meanwhile = neighbour.get(neighbourBooking);
            assertEquals("scheduled", meanwhile.get("status").asText());
            assertEquals(0, meanwhile.get("conflict_count").asInt());
        });

        assertEquals(Collections.nCopies(READERS, 200), statuses);
        assertEquals(200, neighbour.api.get(neighbour.token, neighbour.path + "/bookings").status());
    }

    /** The smallest 100 ids of the crowd but {@code id}: what every crowded booking lists. */
    private static List<Long> smallestConflictsOf(long id) {
        return crowd.stream().filter(other -> other != id).limit(ConflictRecount.LISTED).toList();
    }

    private static List<JsonNode> allBookings(StoreSetup store) {
        var all = new ArrayList<JsonNode>();
        for (var offset = 0; ; offset += PAGE) {
            var page = store.api.get(store.token, store.path + "/bookings?limit=" + PAGE + "&offset=" + offset).expect(200);
            page.get("items").forEach(all::add);
            if (page.get("items").isEmpty() || all.size() >= page.get("total").asInt()) {
                return all;
            }
        }
    }

    private static void copy(StoreSetup store, long template, int copies) throws SQLException {
        try (var connection = server.connectToDatabase()) {
            BookingCopies.copy(connection, store.storeId, template, copies);
        }
    }
}
