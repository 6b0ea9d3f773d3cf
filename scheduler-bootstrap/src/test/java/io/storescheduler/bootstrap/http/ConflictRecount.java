package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recounts every booking's conflicts from the bookings themselves, as the specification defines
 * them (both scheduled, overlapping, sharing the room or a DM), and holds each answer to that
 * recount: {@code conflict_count} exact, {@code conflict_booking_ids} the smallest
 * {@value #LISTED} of them, {@code conflict_booking_ids_truncated} true when there are more, and
 * then the whole list, paged through {@code GET .../conflicts}, equal to the recount. Given every
 * booking of a store, as the API shows them.
 */
final class ConflictRecount {

    /** The most ids a booking answer lists. */
    static final int LISTED = 100;

    private ConflictRecount() {}

    /** All the conflicts of a booking, however many: what a truncated list is checked against. */
    @FunctionalInterface
    interface AllConflicts {
        List<Long> of(long bookingId);
    }

    /** For a store whose lists are never truncated; a truncated one fails, asking for a way to page it. */
    static void assertEveryConflictListIsTrueAndSymmetric(List<JsonNode> bookings) {
        assertEveryConflictListIsTrueAndSymmetric(bookings,
                bookingId -> fail("booking " + bookingId + " has a truncated conflict list: recount with pagedThrough(...)"));
    }

    static void assertEveryConflictListIsTrueAndSymmetric(List<JsonNode> bookings, AllConflicts allConflicts) {
        var everyConflict = new HashMap<Long, List<Long>>();
        for (var booking : bookings) {
            var id = booking.get("id").asLong();
            var expected = recount(booking, bookings);
            var listed = JsonLists.longs(booking.get("conflict_booking_ids"));
            var truncated = booking.get("conflict_booking_ids_truncated").asBoolean();
            assertEquals(expected.size(), booking.get("conflict_count").asInt(), () -> "exact count of booking " + id + ": " + booking);
            assertEquals(expected.subList(0, Math.min(LISTED, expected.size())), listed,
                    () -> "the smallest conflicts of booking " + id + ": " + booking);
            assertEquals(expected.size() > LISTED, truncated, () -> "truncated, booking " + id + ": " + booking);
            assertEquals(!expected.isEmpty(), booking.get("has_conflict").asBoolean(), booking::toString);
            everyConflict.put(id, truncated ? allConflicts.of(id) : listed);
            assertEquals(expected, everyConflict.get(id), () -> "every conflict of booking " + id + ", paged");
        }
        for (var booking : bookings) {
            var id = booking.get("id").asLong();
            if (isScheduled(booking)) {
                for (var other : everyConflict.get(id)) {
                    assertTrue(everyConflict.get(other).contains(id),
                            () -> "booking " + id + " lists " + other + " but not the other way round");
                }
            }
        }
    }

    /**
     * Pages through {@code GET {storePath}/bookings/{id}/conflicts} 200 at a time: each page in
     * ascending id order, the total the same on every page, every conflict once.
     */
    static AllConflicts pagedThrough(ApiClient api, String token, String storePath) {
        return bookingId -> {
            var all = new ArrayList<Long>();
            long total = -1;
            for (var offset = 0; total < 0 || offset < total; offset += 200) {
                var page = api.get(token, storePath + "/bookings/" + bookingId + "/conflicts?limit=200&offset=" + offset).expect(200);
                assertTrue(total < 0 || total == page.get("total").asLong(), () -> "the total changed while paging: " + page);
                total = page.get("total").asLong();
                page.get("items").forEach(item -> all.add(item.get("booking_id").asLong()));
                if (page.get("items").isEmpty()) {
                    break;
                }
            }
            assertEquals(total, all.size(), "as many conflicts paged as the total says, booking " + bookingId);
            assertEquals(all.stream().sorted().distinct().toList(), all, "each conflict once, by id, booking " + bookingId);
            return all;
        };
    }

    private static List<Long> recount(JsonNode booking, List<JsonNode> all) {
        var conflicts = new ArrayList<Long>();
        if (!shows(booking)) {
            return conflicts;
        }
        for (var other : all) {
            if (other != booking && isScheduled(other) && overlap(booking, other) && shareRoomOrDm(booking, other)) {
                conflicts.add(other.get("id").asLong());
            }
        }
        conflicts.sort(null);
        return conflicts;
    }

    private static boolean shows(JsonNode booking) {
        var status = booking.get("status").asText();
        return (status.equals("scheduled") || status.equals("incomplete")) && !booking.get("end_at").isNull();
    }

    private static boolean isScheduled(JsonNode booking) {
        return booking.get("status").asText().equals("scheduled");
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return time(a, "start_at").isBefore(time(b, "end_at")) && time(b, "start_at").isBefore(time(a, "end_at"));
    }

    private static boolean shareRoomOrDm(JsonNode a, JsonNode b) {
        var sameRoom = !a.get("room_id").isNull() && a.get("room_id").asLong() == b.get("room_id").asLong();
        var dms = dms(a);
        dms.retainAll(dms(b));
        return sameRoom || !dms.isEmpty();
    }

    private static Set<Long> dms(JsonNode booking) {
        var dms = new HashSet<Long>();
        booking.get("character_dm_matches").forEach(match -> dms.add(match.get("dm_id").asLong()));
        return dms;
    }

    private static OffsetDateTime time(JsonNode booking, String field) {
        return OffsetDateTime.parse(booking.get(field).asText());
    }

    /** How many bookings each room holds. */
    static Map<Long, Integer> roomUse(List<JsonNode> bookings) {
        var use = new HashMap<Long, Integer>();
        bookings.forEach(booking -> use.merge(booking.get("room_id").asLong(), 1, Integer::sum));
        return use;
    }
}
