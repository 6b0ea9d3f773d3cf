package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.bootstrap.http.StoreSetup.Script;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writers racing in one store while a reader follows the feed: the reader, passing each answer's
 * {@code next} back, gets every event exactly once and in the order the database holds them, and
 * the store's numbers have no gap. Writers start together; each works on days of its own, so they
 * do not queue on the same quota lock and their transactions truly interleave.
 */
class EventOrderRaceHttpTest {

    private static final int WRITERS = 6;
    private static final int BOOKINGS_PER_WRITER = 8;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void a_reader_following_racing_writers_never_skips_nor_repeats_an_event(StoreSetup store) throws Exception {
        var script = store.script("Raced", 60, 1, 0);
        var writing = new AtomicBoolean(true);
        var following = Executors.newSingleThreadExecutor();
        try {
            var reader = following.submit(() -> follow(store, writing));
            var writers = new ArrayList<Callable<List<Long>>>();
            for (int w = 0; w < WRITERS; w++) {
                var day = 10 + w;
                writers.add(() -> write(store, script, day));
            }
            var written = Racing.atOnce(writers);
            writing.set(false);
            var read = reader.get(Racing.SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            var stored = storedEventIds(store.storeId);
            assertEquals(WRITERS * BOOKINGS_PER_WRITER * 2, stored.size());
            assertEquals(stored, read, "the reader got every event once, in the store's order");
            assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(), storedSeqs(store.storeId), "numbers without a gap");
            assertEquals(WRITERS * BOOKINGS_PER_WRITER, written.stream().mapToInt(List::size).sum());
        } finally {
            following.shutdownNow();
        }
    }

    /** One writer's bookings, each made and then noted, on {@code day} of December: answers their ids. */
    private static List<Long> write(StoreSetup store, Script script, int day) {
        var written = new ArrayList<Long>();
        for (int i = 0; i < BOOKINGS_PER_WRITER; i++) {
            var startAt = "2026-12-%02dT%02d:00:00+08:00".formatted(day, 9 + i);
            var id = store.createBooking(startAt, script.id(), null).expect(201).get("id").asLong();
            store.api.patch(store.token, store.booking(id), object("note", "n" + i), Map.of()).expect(200);
            written.add(id);
        }
        return written;
    }

    /** Reads on from each {@code next} while the writers run, then on to the end; answers the ids read, in order. */
    private static List<Long> follow(StoreSetup store, AtomicBoolean writing) {
        var ids = new ArrayList<Long>();
        var next = "0";
        while (true) {
            var stillWriting = writing.get();
            // an empty page waits for the next commit (woken by it), so the reader does not spin
            var page = store.api.get(store.token, store.path + "/events?limit=7&wait_seconds=1&after=" + next).expect(200);
            page.get("items").forEach(event -> ids.add(event.get("id").asLong()));
            next = page.get("next").asText();
            if (!stillWriting && page.get("items").isEmpty()) {
                return ids;
            }
        }
    }

    private static List<Long> storedEventIds(long storeId) throws SQLException {
        return longs("SELECT id FROM store_event WHERE store_id = " + storeId + " ORDER BY seq");
    }

    private static List<Long> storedSeqs(long storeId) throws SQLException {
        return longs("SELECT seq FROM store_event WHERE store_id = " + storeId + " ORDER BY seq");
    }

    private static List<Long> longs(String sql) throws SQLException {
        try (var connection = server.connectToDatabase(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<Long>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            assertTrue(!values.isEmpty(), "no rows for: " + sql);
            return values;
        }
    }
}
