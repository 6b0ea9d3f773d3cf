package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    void a_reader_following_racing_writers_never_skips_nor_repeats_an_event() throws Exception {
        var store = server.newStore("Asia/Shanghai");
        var script = store.script("Raced", 60, 1, 0);
        var start = new CountDownLatch(1);
        var writing = new AtomicBoolean(true);
        var written = Collections.synchronizedList(new ArrayList<Long>());
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            var reader = CompletableFuture.supplyAsync(() -> follow(store, writing), threads);
            var writers = new ArrayList<CompletableFuture<Void>>();
            for (int w = 0; w < WRITERS; w++) {
                var day = 10 + w;
                writers.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    for (int i = 0; i < BOOKINGS_PER_WRITER; i++) {
                        var startAt = "2026-12-%02dT%02d:00:00+08:00".formatted(day, 9 + i);
                        var id = store.createBooking(startAt, script.id(), null).expect(201).get("id").asLong();
                        store.api.patch(store.token, store.booking(id), object("note", "n" + i), Map.of()).expect(200);
                        written.add(id);
                    }
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
            writing.set(false);
            var read = reader.join();

            var stored = storedEventIds(store.storeId);
            assertEquals(WRITERS * BOOKINGS_PER_WRITER * 2, stored.size());
            assertEquals(stored, read, "the reader got every event once, in the store's order");
            assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(), storedSeqs(store.storeId), "numbers without a gap");
            assertEquals(WRITERS * BOOKINGS_PER_WRITER, written.size());
        } finally {
            threads.shutdownNow();
        }
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
