package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.db.ScheduleLocks;
import io.storescheduler.db.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar, as an operator runs it: a real process, configured by the environment, over HTTP. */
class SchedulerJarIT {

    private static final String ADMIN = "jar-test-admin-token-of-32-characters-at-least";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_jar_serves_the_booking_flow_on_a_configured_database() throws Exception {
        try (var db = TestDatabase.createEmpty(); var server = Server.start(Map.of("SCHEDULER_DB_URL", db.url(),
                "SCHEDULER_DB_USER", db.user(), "SCHEDULER_DB_PASSWORD", db.password()))) {
            var store = server.post("/api/v1/stores", Map.of("name", "Jar House", "timezone", "Asia/Shanghai")).get("id").asLong();
            var base = "/api/v1/stores/" + store;
            var room = server.post(base + "/rooms", Map.of("name", "Hall", "capacity", 4)).get("id").asLong();
            var script = server.post(base + "/scripts", Map.of("name", "Fog", "duration_minutes", 180,
                    "characters", List.of(Map.of("name", "Heir"), Map.of("name", "Narrator", "is_dm", true))));
            var character = script.get("characters").get(0).get("id").asLong();
            var client = server.post(base + "/clients", Map.of("name", "Chen")).get("id").asLong();
            var booking = server.post(base + "/bookings/incomplete", Map.of("start_at", "2026-12-05T19:00:00+08:00",
                    "script_id", script.get("id").asLong())).get("id").asLong();
            server.post(base + "/bookings/" + booking + "/clients", Map.of("client_id", client));
            server.post(base + "/bookings/" + booking + "/character-client-matches", Map.of("character_id", character, "client_id", client));

            var confirmed = server.post(base + "/bookings/" + booking + "/confirm", Map.of());

            assertEquals("scheduled", confirmed.get("status").asText());
            assertEquals(room, confirmed.get("room_id").asLong());
            assertEquals("2026-12-05T22:00:00+08:00", confirmed.get("end_at").asText());
            assertEquals(false, confirmed.get("has_conflict").asBoolean());
        }
    }

    @Test
    void the_embedded_database_keeps_its_data_across_restarts(@TempDir Path dataDir) throws Exception {
        var env = Map.of("SCHEDULER_DATA_DIR", dataDir.toString());
        long store;
        try (var server = Server.start(env)) {
            store = server.post("/api/v1/stores", Map.of("name", "Embedded House", "timezone", "UTC")).get("id").asLong();
        }
        try (var server = Server.start(env)) {
            var answer = server.get("/api/v1/stores/" + store);
            assertEquals("Embedded House", answer.get("name").asText());
        }
    }

    @Test
    void migrate_stops_at_the_target_version() throws Exception {
        try (var db = TestDatabase.createEmpty()) {
            var process = new ProcessBuilder(javaCommand("migrate", "--target", "0002"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            process.environment().putAll(Map.of("SCHEDULER_DB_URL", db.url(), "SCHEDULER_DB_USER", db.user(),
                    "SCHEDULER_DB_PASSWORD", db.password()));
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
        try (var db = TestDatabase.createEmpty(); var server = Server.start(Map.of("SCHEDULER_DB_URL", db.url(),
                "SCHEDULER_DB_USER", db.user(), "SCHEDULER_DB_PASSWORD", db.password()))) {
            var store = server.post("/api/v1/stores", Map.of("name", "Closing House", "timezone", "UTC")).get("id").asLong();
            var booking = server.matchedBooking(store);
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
            var env = Map.of("SCHEDULER_DB_URL", db.url(), "SCHEDULER_DB_USER", db.user(),
                    "SCHEDULER_DB_PASSWORD", db.password(), "SCHEDULER_DEMO", "1", "SCHEDULER_LOG_FORMAT", "text");
            String firstToken;
            try (var server = Server.start(env)) {
                var guide = server.awaitGuide();
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
            try (var server = Server.start(env)) {
                var guide = server.awaitGuide();
                assertTrue(guide.contains("already exists: nothing added"), guide);
                var revoked = HTTP.send(HttpRequest.newBuilder(server.uri("/api/v1/stores"))
                        .header("Authorization", "Bearer " + firstToken).build(), HttpResponse.BodyHandlers.discarding());
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

    private static List<String> javaCommand(String... args) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(System.getProperty("scheduler.jar"));
        command.addAll(List.of(args));
        return command;
    }

    /** One run of the jar on a free port, stopped (SIGTERM) on close. */
    private record Server(Process process, int port, Path log) implements AutoCloseable {

        static Server start(Map<String, String> env) throws Exception {
            var port = freePort();
            var log = Files.createTempFile("scheduler-jar", ".log");
            var builder = new ProcessBuilder(javaCommand()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("SCHEDULER_PORT", String.valueOf(port));
            builder.environment().put("SCHEDULER_HOST", "127.0.0.1");
            builder.environment().put("SCHEDULER_ADMIN_TOKEN", ADMIN);
            var server = new Server(builder.start(), port, log);
            server.awaitReady();
            return server;
        }

        JsonNode post(String path, Object body) throws Exception {
            var request = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return send(request);
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN);
        }

        /** An incomplete booking in {@code store} (given a room) whose one client plays its one character: ready to confirm. */
        long matchedBooking(long store) throws Exception {
            var base = "/api/v1/stores/" + store;
            post(base + "/rooms", Map.of("name", "Hall", "capacity", 4));
            var script = post(base + "/scripts", Map.of("name", "Fog", "duration_minutes", 120,
                    "characters", List.of(Map.of("name", "Heir"))));
            var client = post(base + "/clients", Map.of("name", "Chen")).get("id").asLong();
            var booking = post(base + "/bookings/incomplete", Map.of("start_at", "2026-12-05T19:00:00Z",
                    "script_id", script.get("id").asLong())).get("id").asLong();
            post(base + "/bookings/" + booking + "/clients", Map.of("client_id", client));
            post(base + "/bookings/" + booking + "/character-client-matches",
                    Map.of("character_id", script.get("characters").get(0).get("id").asLong(), "client_id", client));
            return booking;
        }

        /** The demo guide printed at start-up, once its last line is out. */
        String awaitGuide() throws Exception {
            awaitTrue(() -> Files.readString(log).contains("$S/bookings/$B/confirm"), "the demo guide is printed");
            var text = Files.readString(log);
            return text.substring(text.indexOf("Demo store "));
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN).GET().build());
        }

        private JsonNode send(HttpRequest request) throws Exception {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, request.uri() + " answered " + response.statusCode() + ": " + response.body());
            return JSON.readTree(response.body());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private void awaitReady() throws Exception {
            var deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the server exited: " + Files.readString(log));
                }
                try {
                    var response = HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
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
