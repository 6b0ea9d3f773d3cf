package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.db.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar on the heap it runs with in production ({@code -XX:+UseSerialGC -Xmx128m}, as
 * {@code ./scheduler} starts it), serving a room of 1,000 overlapping scheduled games to a dozen
 * parallel readers of a 200-booking page. Each page once carried about 200,000 ids and the heap ran
 * out; now every reader gets its 200, another store's read answers 200 meanwhile, and the process
 * never runs out of memory.
 */
class CrowdedRoomJarIT {

    private static final String ADMIN = "crowded-jar-admin-token-of-32-characters";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> PRODUCTION_HEAP = List.of("-XX:+UseSerialGC", "-Xmx128m");
    private static final int CROWD = 1_000;
    private static final int READERS = 12;
    private static final int PAGES_EACH = 5;
    // a safety net so a hang fails the test instead of stalling the build; nothing here is timed
    private static final long SAFETY_TIMEOUT_SECONDS = 600;

    @Test
    void a_dozen_readers_of_a_crowded_page_all_get_it_on_the_production_heap() throws Exception {
        try (var db = TestDatabase.createEmpty(); var jar = Jar.start(db)) {
            var crowded = jar.scheduledStore("Crowded House");
            copy(db, crowded.bookingId(), CROWD - 1);
            var neighbour = jar.scheduledStore("Quiet House");
            var page = "/api/v1/stores/" + crowded.storeId() + "/bookings?limit=200";
            var first = jar.get(page);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(CROWD - 1, JSON.readTree(first.body()).get("items").get(0).get("conflict_count").asInt());

            var start = new CountDownLatch(1);
            var readers = Executors.newFixedThreadPool(READERS);
            try {
                var answers = new ArrayList<Future<List<Integer>>>();
                for (var i = 0; i < READERS; i++) {
                    answers.add(readers.submit(() -> {
                        start.await();
                        var statuses = new ArrayList<Integer>();
                        for (var p = 0; p < PAGES_EACH; p++) {
                            statuses.add(jar.get(page).statusCode());
                        }
                        return statuses;
                    }));
                }
                start.countDown();
                var meanwhile = jar.get("/api/v1/stores/" + neighbour.storeId() + "/bookings/" + neighbour.bookingId());
                for (var answer : answers) {
                    assertEquals(List.of(200, 200, 200, 200, 200), answer.get(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
                assertEquals(200, meanwhile.statusCode(), meanwhile.body());
            } finally {
                readers.shutdownNow();
            }
            assertTrue(jar.process().isAlive(), "the server still runs");
            assertFalse(Files.readString(jar.log()).contains("OutOfMemoryError"), "the heap never ran out");
        }
    }

    /** {@code copies} more bookings like {@code template}: the same row, party and character matches. */
    private static void copy(TestDatabase db, long template, int copies) throws Exception {
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO booking (store_id, script_id, room_id, slot_id, status, start_at, end_at, note, version, created_at, updated_at)
                    SELECT store_id, script_id, room_id, slot_id, status, start_at, end_at, note, version, created_at, updated_at
                    FROM booking, generate_series(1, %d) WHERE id = %d""".formatted(copies, template));
            statement.execute("""
                    INSERT INTO booking_client (store_id, booking_id, client_id)
                    SELECT copy.store_id, copy.id, party.client_id
                    FROM booking copy JOIN booking_client party ON party.store_id = copy.store_id AND party.booking_id = %d
                    WHERE copy.id <> %d""".formatted(template, template));
            statement.execute("""
                    INSERT INTO character_client_match (store_id, booking_id, character_id, client_id)
                    SELECT copy.store_id, copy.id, match.character_id, match.client_id
                    FROM booking copy JOIN character_client_match match ON match.store_id = copy.store_id AND match.booking_id = %d
                    WHERE copy.id <> %d""".formatted(template, template));
        }
    }

    /** A store and its one scheduled booking. */
    private record Scheduled(long storeId, long bookingId) {}

    /** One run of the jar on the production heap, on {@code db}, stopped on close. */
    private record Jar(Process process, int port, Path log) implements AutoCloseable {

        static Jar start(TestDatabase db) throws Exception {
            var port = freePort();
            var log = Files.createTempFile("crowded-jar", ".log");
            var command = new ArrayList<String>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(PRODUCTION_HEAP);
            command.addAll(List.of("-jar", System.getProperty("scheduler.jar")));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("SCHEDULER_DB_URL", db.url(), "SCHEDULER_DB_USER", db.user(),
                    "SCHEDULER_DB_PASSWORD", db.password(), "SCHEDULER_PORT", String.valueOf(port),
                    "SCHEDULER_HOST", "127.0.0.1", "SCHEDULER_ADMIN_TOKEN", ADMIN));
            var jar = new Jar(builder.start(), port, log);
            jar.awaitReady();
            return jar;
        }

        /** A store with one room, one script of two players, and one booking of it confirmed through the API. */
        Scheduled scheduledStore(String name) throws Exception {
            var store = post("/api/v1/stores", Map.of("name", name, "timezone", "Asia/Shanghai")).get("id").asLong();
            var base = "/api/v1/stores/" + store;
            post(base + "/rooms", Map.of("name", "Parlour", "capacity", 6));
            var script = post(base + "/scripts", Map.of("name", "Night Train", "duration_minutes", 240,
                    "characters", List.of(Map.of("name", "Detective"), Map.of("name", "Maid"))));
            var booking = post(base + "/bookings/incomplete", Map.of("start_at", "2026-12-05T14:00:00+08:00",
                    "script_id", script.get("id").asLong())).get("id").asLong();
            for (var character : script.get("characters")) {
                var client = post(base + "/clients", Map.of("name", "Guest " + character.get("id"))).get("id").asLong();
                post(base + "/bookings/" + booking + "/clients", Map.of("client_id", client));
                post(base + "/bookings/" + booking + "/character-client-matches",
                        Map.of("character_id", character.get("id").asLong(), "client_id", client));
            }
            post(base + "/bookings/" + booking + "/confirm", Map.of());
            return new Scheduled(store, booking);
        }

        JsonNode post(String path, Object body) throws Exception {
            var response = HTTP.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, path + " answered " + response.statusCode() + ": " + response.body());
            return JSON.readTree(response.body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(SAFETY_TIMEOUT_SECONDS))
                    .header("Authorization", "Bearer " + ADMIN);
        }

        private void awaitReady() throws Exception {
            var deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited: " + Files.readString(log));
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the server was not ready in time: " + Files.readString(log));
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
