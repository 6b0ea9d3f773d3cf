package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar, as an operator runs it: a real process, configured by the environment, over HTTP. */
class SchedulerJarIT {

    private static final String ADMIN = "jar-test-admin-token";
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
            var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return send(request);
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN).GET().build());
        }

        private JsonNode send(HttpRequest request) throws Exception {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, request.uri() + " answered " + response.statusCode() + ": " + response.body());
            return JSON.readTree(response.body());
        }

        private URI uri(String path) {
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
