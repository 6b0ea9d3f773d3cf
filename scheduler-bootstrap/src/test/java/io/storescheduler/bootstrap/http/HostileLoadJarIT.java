package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar on the production heap ({@code -XX:+UseSerialGC -Xmx128m}, as {@code ./scheduler} runs
 * it) under bodies small in bytes but huge as trees, many at once: each is refused, another
 * store is answered meanwhile, and the process lives on without running out of memory. (Before
 * the JSON limits, four such bodies at once threw OutOfMemoryError.)
 */
class HostileLoadJarIT {

    private static final String ADMIN = "hostile-load-admin-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(120);
    private static final int THREADS = 8;
    private static final int ROUNDS = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void hostile_bodies_in_parallel_on_the_production_heap_are_refused_and_another_store_is_served() throws Exception {
        var log = Files.createTempFile("scheduler-hostile", ".log");
        try (var db = TestDatabase.createEmpty()) {
            var port = freePort();
            var process = start(db, port, log);
            try {
                awaitReady(process, port, log);
                var hostile = createStore(port, "Hostile House");
                var quiet = createStore(port, "Quiet House");
                post(port, "/api/v1/stores/" + quiet + "/rooms", "{\"name\":\"Hall\",\"capacity\":4}", 201);

                var answers = sendHostileBodies(port, "/api/v1/stores/" + hostile + "/rooms", () -> {
                    var rooms = get(port, "/api/v1/stores/" + quiet + "/rooms");
                    assertEquals(200, rooms.statusCode(), rooms.body());
                    assertEquals("Hall", JSON.readTree(rooms.body()).path("items").get(0).path("name").asText(), rooms.body());
                });

                assertEquals(THREADS * ROUNDS * 4, answers.size());
                for (var answer : answers) {
                    assertEquals(400, answer.statusCode(), answer.body());
                    assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
                    assertEquals("body_too_complex", JSON.readTree(answer.body()).path("code").asText(), answer.body());
                }
                assertEquals(0, JSON.readTree(get(port, "/api/v1/stores/" + hostile + "/rooms").body()).path("total").asInt(),
                        "a refused body created a room");
                assertTrue(process.isAlive(), "the server died: " + Files.readString(log));
                assertEquals(200, get(port, "/health/live").statusCode());
                assertFalse(Files.readString(log).contains("OutOfMemoryError"), "the server ran out of memory");
            } finally {
                stop(process);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Every thread sends each hostile body {@link #ROUNDS} times; {@code meanwhile} runs while they do. */
    private List<HttpResponse<String>> sendHostileBodies(int port, String path, Check meanwhile) throws Exception {
        var bodies = List.of(HostileBodies.manyItems(), HostileBodies.manyKeys(20_000), HostileBodies.deepArrays(999),
                HostileBodies.deepObjects(999));
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var sent = new ArrayList<Future<List<HttpResponse<String>>>>();
            for (int thread = 0; thread < THREADS; thread++) {
                sent.add(pool.submit((Callable<List<HttpResponse<String>>>) () -> {
                    var answers = new ArrayList<HttpResponse<String>>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (var body : bodies) {
                            answers.add(send(port, path, body));
                        }
                    }
                    return answers;
                }));
            }
            for (int i = 0; i < 5; i++) {
                meanwhile.run();
            }
            var answers = new ArrayList<HttpResponse<String>>();
            for (var thread : sent) {
                answers.addAll(thread.get(SAFETY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Process start(TestDatabase db, int port, Path log) throws IOException {
        var command = List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC", "-Xmx128m",
                "-jar", System.getProperty("scheduler.jar"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SCHEDULER_DB_URL", db.url());
        builder.environment().put("SCHEDULER_DB_USER", db.user());
        builder.environment().put("SCHEDULER_DB_PASSWORD", db.password());
        builder.environment().put("SCHEDULER_PORT", String.valueOf(port));
        builder.environment().put("SCHEDULER_HOST", "127.0.0.1");
        builder.environment().put("SCHEDULER_ADMIN_TOKEN", ADMIN);
        return builder.start();
    }

    private void awaitReady(Process process, int port, Path log) throws Exception {
        var deadline = Instant.now().plus(SAFETY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "the server exited: " + read(log));
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server was not ready in time: " + read(log));
    }

    private long createStore(int port, String name) throws Exception {
        var answer = post(port, "/api/v1/stores", "{\"name\":\"" + name + "\",\"timezone\":\"UTC\"}", 201);
        return JSON.readTree(answer.body()).get("id").asLong();
    }

    private HttpResponse<String> post(int port, String path, String body, int expected) throws Exception {
        var answer = send(port, path, body);
        assertEquals(expected, answer.statusCode(), answer.body());
        return answer;
    }

    private HttpResponse<String> send(int port, String path, String body) throws Exception {
        return http.send(request(port, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(SAFETY_TIMEOUT)
                .header("Authorization", "Bearer " + ADMIN);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(the log could not be read)";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
