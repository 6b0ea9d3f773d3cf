package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ConflictRecount.roomUse;
import static io.storescheduler.bootstrap.http.Fixtures.TWO_PM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Twelve matched bookings of one script at {@link Fixtures#TWO_PM}, in a store of four rooms, every
 * third also hosted by one shared DM: ready for racing confirms.
 */
record RushHour(Set<Long> rooms, List<Long> bookingIds) {

    static RushHour in(StoreSetup store) {
        var rooms = Set.of(store.room("Room 1", 6), store.room("Room 2", 6), store.room("Room 3", 6), store.room("Room 4", 6));
        var script = store.script("Rush hour", 120, 1, 0);
        var sharedDm = store.dm("Shared host");
        var bookingIds = new ArrayList<Long>();
        for (int i = 0; i < 12; i++) {
            var bookingId = store.matchedBooking(TWO_PM, script, null);
            if (i % 3 == 0) {
                store.matchDm(bookingId, null, sharedDm);
            }
            bookingIds.add(bookingId);
        }
        return new RushHour(rooms, List.copyOf(bookingIds));
    }

    /** Asserts that the confirmed {@code bookings} use every room, each as often as the others give or take one. */
    void assertEveryRoomUsedEvenly(List<JsonNode> bookings) {
        var use = roomUse(bookings);
        assertEquals(rooms, use.keySet(), () -> "every room is used: " + use);
        assertTrue(Collections.max(use.values()) - Collections.min(use.values()) <= 1,
                () -> "each booking took a room with the fewest conflicts: " + use);
    }
}
