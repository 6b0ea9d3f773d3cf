package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.bootstrap.JarProcess;
import io.storescheduler.db.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The jar on the heap it runs with in production ({@code -XX:+UseSerialGC -Xmx128m}, as
 * {@code ./scheduler} starts it), serving a room of 1,000 overlapping scheduled games to a dozen
 * parallel readers of a 200-booking page. Each page once carried about 200,000 ids and the heap ran
 * out; now every reader gets its 200 (a read the server sheds with 503 while its pool is busy is
 * read again), another store's read answers 200 meanwhile, and the process never runs out of memory.
 */
class CrowdedRoomJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PRODUCTION_HEAP = {"-XX:+UseSerialGC", "-Xmx128m"};
    private static final int CROWD = 1_000;
    private static final int READERS = 12;
    private static final int PAGES_EACH = 5;

    @Test
    void a_dozen_readers_of_a_crowded_page_all_get_it_on_the_production_heap() throws Exception {
        try (var db = TestDatabase.createEmpty(); var jar = JarProcess.start(JarProcess.databaseOf(db), PRODUCTION_HEAP)) {
            var crowded = scheduledStore(jar, "Crowded House");
            try (var connection = db.connect()) {
                BookingCopies.copy(connection, crowded.storeId(), crowded.bookingId(), CROWD - 1);
            }
            var neighbour = scheduledStore(jar, "Quiet House");
            var page = "/api/v1/stores/" + crowded.storeId() + "/bookings?limit=200";
            var first = jar.get(page);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(CROWD - 1, JSON.readTree(first.body()).get("items").get(0).get("conflict_count").asInt());

            var readers = Collections.<Callable<List<Integer>>>nCopies(READERS, () -> {
                var statuses = new ArrayList<Integer>();
                for (var p = 0; p < PAGES_EACH; p++) {
                    statuses.add(readShedding(jar, page));
                }
                return statuses;
            });
            var statuses = Racing.atOnce(readers, () -> {
                var meanwhile = jar.get("/api/v1/stores/" + neighbour.storeId() + "/bookings/" + neighbour.bookingId());
                assertEquals(200, meanwhile.statusCode(), meanwhile.body());
            });

            assertEquals(Collections.nCopies(READERS, List.of(200, 200, 200, 200, 200)), statuses);
            assertTrue(jar.process().isAlive(), "the server still runs");
            assertFalse(jar.logText().contains("OutOfMemoryError"), "the heap never ran out");
        }
    }

    /**
     * The status of a read of {@code path}, read again while the server sheds it: twelve readers
     * share a pool of ten connections, and on a busy machine a reader may wait longer for one than
     * the pool allows and be answered 503 to retry. What this test holds the server to is the heap:
     * a read it sheds is not one it lost.
     */
    private static int readShedding(JarProcess jar, String path) throws Exception {
        var status = jar.get(path).statusCode();
        for (var retry = 0; status == 503 && retry < 3; retry++) {
            Thread.sleep(1_000);
            status = jar.get(path).statusCode();
        }
        return status;
    }

    /** A store and its one scheduled booking. */
    private record Scheduled(long storeId, long bookingId) {}

    /** A store with one room, one script of two players, and one booking of it confirmed through the API. */
    private static Scheduled scheduledStore(JarProcess jar, String name) throws Exception {
        var store = jar.postJson("/api/v1/stores", Map.of("name", name, "timezone", "Asia/Shanghai")).get("id").asLong();
        var base = "/api/v1/stores/" + store;
        jar.postJson(base + "/rooms", Map.of("name", "Parlour", "capacity", 6));
        var script = jar.postJson(base + "/scripts", Map.of("name", "Night Train", "duration_minutes", 240,
                "characters", List.of(Map.of("name", "Detective"), Map.of("name", "Maid"))));
        var booking = jar.postJson(base + "/bookings/incomplete", Map.of("start_at", "2026-12-05T14:00:00+08:00",
                "script_id", script.get("id").asLong())).get("id").asLong();
        for (var character : script.get("characters")) {
            var client = jar.postJson(base + "/clients", Map.of("name", "Guest " + character.get("id"))).get("id").asLong();
            jar.postJson(base + "/bookings/" + booking + "/clients", Map.of("client_id", client));
            jar.postJson(base + "/bookings/" + booking + "/character-client-matches",
                    Map.of("character_id", character.get("id").asLong(), "client_id", client));
        }
        jar.postJson(base + "/bookings/" + booking + "/confirm", Map.of());
        return new Scheduled(store, booking);
    }
}
