package io.storescheduler.bootstrap;

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

/**
 * One run of the executable jar as an operator starts it: a process of its own, configured by the
 * environment, on a free port of 127.0.0.1 with {@link #ADMIN_TOKEN}, its output in a log file.
 * {@link #start} returns once it answers ready; {@link #close} stops it with SIGTERM (killing it
 * only if it does not end) and deletes the log.
 */
public record JarProcess(Process process, int port, Path log) implements AutoCloseable {

    public static final String ADMIN_TOKEN = "jar-test-admin-token-of-32-characters-at-least";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // a safety net so a hang fails the test instead of stalling the build; nothing here is timed
    private static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(600);

    /** The jar with {@code jvmOptions} (e.g. a heap size) and {@code environment}, ready. */
    public static JarProcess start(Map<String, String> environment, String... jvmOptions) throws Exception {
        var port = freePort();
        var log = Files.createTempFile("scheduler-jar", ".log");
        var builder = new ProcessBuilder(javaCommand(List.of(jvmOptions))).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("SCHEDULER_PORT", String.valueOf(port), "SCHEDULER_HOST", "127.0.0.1",
                "SCHEDULER_ADMIN_TOKEN", ADMIN_TOKEN));
        var jar = new JarProcess(builder.start(), port, log);
        jar.awaitReady();
        return jar;
    }

    /** The environment that points the jar at {@code db}. */
    public static Map<String, String> databaseOf(TestDatabase db) {
        return Map.of("SCHEDULER_DB_URL", db.url(), "SCHEDULER_DB_USER", db.user(), "SCHEDULER_DB_PASSWORD", db.password());
    }

    /** {@code java [jvmOptions] -jar store-scheduler.jar [args]}, with the JVM running the tests. */
    public static List<String> javaCommand(List<String> jvmOptions, String... args) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("scheduler.jar")));
        command.addAll(List.of(args));
        return command;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request to {@code path} with the admin token. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(SAFETY_TIMEOUT).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** A POST of {@code json}, sent as it is. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST of {@code body} written as JSON; asserts a 2xx and answers the body. */
    public JsonNode postJson(String path, Object body) throws Exception {
        return success(post(path, JSON.writeValueAsString(body)));
    }

    /** Asserts a 2xx and answers the body. */
    public JsonNode getJson(String path) throws Exception {
        return success(get(path));
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private static JsonNode success(HttpResponse<String> response) throws IOException {
        assertTrue(response.statusCode() / 100 == 2, response.uri() + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private void awaitReady() throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + logText());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server was not ready in time: " + logText());
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
