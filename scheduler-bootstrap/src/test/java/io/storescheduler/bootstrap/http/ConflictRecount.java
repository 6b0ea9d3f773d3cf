package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * them (both scheduled, overlapping, sharing the room or a DM), and holds each answer's
 * {@code conflict_booking_ids} to that recount. Given every booking of a store, as the API shows them.
 */
final class ConflictRecount {

    private ConflictRecount() {}

    static void assertEveryConflictListIsTrueAndSymmetric(List<JsonNode> bookings) {
        var byId = new HashMap<Long, JsonNode>();
        bookings.forEach(booking -> byId.put(booking.get("id").asLong(), booking));
        for (var booking : bookings) {
            var expected = recount(booking, bookings);
            var listed = ids(booking.get("conflict_booking_ids"));
            assertEquals(expected, listed, () -> "conflicts of booking " + booking.get("id") + ": " + booking);
            assertEquals(listed.size(), booking.get("conflict_count").asInt(), booking::toString);
            assertEquals(!listed.isEmpty(), booking.get("has_conflict").asBoolean(), booking::toString);
            if (isScheduled(booking)) {
                for (var other : listed) {
                    assertTrue(ids(byId.get(other).get("conflict_booking_ids")).contains(booking.get("id").asLong()),
                            () -> "booking " + booking.get("id") + " lists " + other + " but not the other way round");
                }
            }
        }
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

    static List<Long> ids(JsonNode array) {
        var ids = new ArrayList<Long>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** How many bookings each room holds. */
    static Map<Long, Integer> roomUse(List<JsonNode> bookings) {
        var use = new HashMap<Long, Integer>();
        bookings.forEach(booking -> use.merge(booking.get("room_id").asLong(), 1, Integer::sum));
        return use;
    }
}
