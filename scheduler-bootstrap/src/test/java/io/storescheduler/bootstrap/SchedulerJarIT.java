package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.db.ScheduleLocks;
import io.storescheduler.db.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar, as an operator runs it: a real process, configured by the environment, over HTTP. */
class SchedulerJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_jar_serves_the_booking_flow_on_a_configured_database() throws Exception {
        try (var db = TestDatabase.createEmpty(); var server = JarProcess.start(JarProcess.databaseOf(db))) {
            var store = server.postJson("/api/v1/stores", Map.of("name", "Jar House", "timezone", "Asia/Shanghai")).get("id").asLong();
            var booking = matchedBooking(server, store, "2026-12-05T19:00:00+08:00", 180,
                    List.of(Map.of("name", "Heir"), Map.of("name", "Narrator", "is_dm", true)));

            var confirmed = server.postJson("/api/v1/stores/" + store + "/bookings/" + booking.bookingId() + "/confirm", Map.of());

            assertEquals("scheduled", confirmed.get("status").asText());
            assertEquals(booking.roomId(), confirmed.get("room_id").asLong());
            assertEquals("2026-12-05T22:00:00+08:00", confirmed.get("end_at").asText());
            assertEquals(false, confirmed.get("has_conflict").asBoolean());
        }
    }

    @Test
    void the_embedded_database_keeps_its_data_across_restarts(@TempDir Path dataDir) throws Exception {
        var env = Map.of("SCHEDULER_DATA_DIR", dataDir.toString());
        long store;
        try (var server = JarProcess.start(env)) {
            store = server.postJson("/api/v1/stores", Map.of("name", "Embedded House", "timezone", "UTC")).get("id").asLong();
        }
        try (var server = JarProcess.start(env)) {
            var answer = server.getJson("/api/v1/stores/" + store);
            assertEquals("Embedded House", answer.get("name").asText());
        }
    }

    @Test
    void migrate_stops_at_the_target_version() throws Exception {
        try (var db = TestDatabase.createEmpty()) {
            var process = new ProcessBuilder(JarProcess.javaCommand(List.of(), "migrate", "--target", "0002"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            process.environment().putAll(JarProcess.databaseOf(db));
            var running = process.start();
            assertTrue(running.waitFor(120, TimeUnit.SECONDS), "migrate did not finish");
            assertEquals(0, running.exitValue());
            try (var connection = db.connect(); var statement = connection.createStatement();
                    var rows = statement.executeQuery("select max(version) from flyway_schema_history where success")) {
                rows.next();
                assertEquals("0002", rows.getString(1));
            }
        }
    }

    @Test
    void sigterm_refuses_new_connections_lets_the_request_in_flight_finish_and_closes_the_pool() throws Exception {
        try (var db = TestDatabase.createEmpty(); var server = JarProcess.start(JarProcess.databaseOf(db))) {
            var store = server.postJson("/api/v1/stores", Map.of("name", "Closing House", "timezone", "UTC")).get("id").asLong();
            var booking = matchedBooking(server, store, "2026-12-05T19:00:00Z", 120, List.of(Map.of("name", "Heir"))).bookingId();
            try (var lockHolder = db.connect()) {
                ScheduleLocks.hold(lockHolder, store);
                var confirm = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(
                        server.request("/api/v1/stores/" + store + "/bookings/" + booking + "/confirm")
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                awaitTrue(() -> serverWaitsForTheLock(db), "the confirm waits for the store's lock");

                server.process().destroy();
                awaitTrue(() -> !accepts(server.port()), "a new connection is refused once SIGTERM arrived");
                assertTrue(server.process().isAlive() && !confirm.isDone(), "the confirm is still in flight");
                lockHolder.rollback();

                var answer = confirm.get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("scheduled", JSON.readTree(answer.body()).get("status").asText());
            }
            assertTrue(server.process().waitFor(60, TimeUnit.SECONDS), "the server exits");
            // The JVM answers SIGTERM by running its shutdown hooks, then exits with 128 + 15.
            assertEquals(143, server.process().exitValue());
            var log = Files.readString(server.log());
            assertTrue(log.contains("stopped: the connection pool and the database are closed"), log);
            assertTrue(log.contains("scheduler - Shutdown completed."), log);
        }
    }

    @Test
    void demo_mode_loads_the_demo_store_once_and_its_guide_works_as_printed() throws Exception {
        try (var db = TestDatabase.createEmpty()) {
            var env = new HashMap<>(JarProcess.databaseOf(db));
            env.putAll(Map.of("SCHEDULER_DEMO", "1", "SCHEDULER_LOG_FORMAT", "text"));
            String firstToken;
            try (var server = JarProcess.start(env)) {
                var guide = awaitGuide(server);
                assertTrue(guide.contains("loaded: 3 rooms, 3 scripts, 3 DMs, 10 clients, 5 bookings"), guide);
                firstToken = tokenIn(guide);
                var commands = guide.substring(guide.indexOf("Try it (paste into a shell):") + 1).lines()
                        .filter(line -> line.startsWith("  ")).toList();
                var shell = new ProcessBuilder("bash", "-c", String.join("\n", commands)).redirectErrorStream(true).start();
                var output = new String(shell.getInputStream().readAllBytes());
                assertTrue(shell.waitFor(60, TimeUnit.SECONDS));
                assertTrue(output.contains("\"status\":\"scheduled\""), output);
                assertTrue(output.contains("\"has_conflict\":true"), output);
            }
            try (var server = JarProcess.start(env)) {
                var guide = awaitGuide(server);
                assertTrue(guide.contains("already exists: nothing added"), guide);
                var revoked = server.send(HttpRequest.newBuilder(server.uri("/api/v1/stores"))
                        .header("Authorization", "Bearer " + firstToken).build());
                assertEquals(401, revoked.statusCode(), "the previous start's demo token is revoked");
            }
        }
    }

    private static String tokenIn(String guide) {
        var marker = "Bearer ";
        var start = guide.indexOf(marker) + marker.length();
        return guide.substring(start, guide.indexOf('\'', start));
    }

    private static boolean serverWaitsForTheLock(TestDatabase db) throws Exception {
        try (var connection = db.connect()) {
            return ScheduleLocks.waitingSessions(connection).size() == 1;
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A room, a script of {@code characters} and its booking at {@code startAt} whose one client plays the first: ready to confirm. */
    private static Matched matchedBooking(JarProcess server, long store, String startAt, int durationMinutes,
            List<Map<String, Object>> characters) throws Exception {
        var base = "/api/v1/stores/" + store;
        var room = server.postJson(base + "/rooms", Map.of("name", "Hall", "capacity", 4)).get("id").asLong();
        var script = server.postJson(base + "/scripts", Map.of("name", "Fog", "duration_minutes", durationMinutes, "characters", characters));
        var client = server.postJson(base + "/clients", Map.of("name", "Chen")).get("id").asLong();
        var booking = server.postJson(base + "/bookings/incomplete", Map.of("start_at", startAt, "script_id", script.get("id").asLong()))
                .get("id").asLong();
        server.postJson(base + "/bookings/" + booking + "/clients", Map.of("client_id", client));
        server.postJson(base + "/bookings/" + booking + "/character-client-matches",
                Map.of("character_id", script.get("characters").get(0).get("id").asLong(), "client_id", client));
        return new Matched(room, booking);
    }

    private record Matched(long roomId, long bookingId) {}

    /** The demo guide printed at start-up, once its last line is out. */
    private static String awaitGuide(JarProcess server) throws Exception {
        awaitTrue(() -> server.logText().contains("$S/bookings/$B/confirm"), "the demo guide is printed");
        var text = server.logText();
        return text.substring(text.indexOf("Demo store "));
    }
}
