package io.storescheduler.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.bootstrap.JarProcess;
import io.storescheduler.db.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The jar on the production heap ({@code -XX:+UseSerialGC -Xmx128m}, as {@code ./scheduler} runs
 * it) under bodies small in bytes but huge as trees, many at once: each is refused, another
 * store is answered meanwhile, and the process lives on without running out of memory. (Before
 * the JSON limits, four such bodies at once threw OutOfMemoryError.)
 */
class HostileLoadJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;
    private static final int ROUNDS = 3;

    @Test
    void hostile_bodies_in_parallel_on_the_production_heap_are_refused_and_another_store_is_served() throws Exception {
        try (var db = TestDatabase.createEmpty(); var jar = JarProcess.start(JarProcess.databaseOf(db), "-XX:+UseSerialGC", "-Xmx128m")) {
            var hostile = createStore(jar, "Hostile House");
            var quiet = createStore(jar, "Quiet House");
            post(jar, "/api/v1/stores/" + quiet + "/rooms", "{\"name\":\"Hall\",\"capacity\":4}", 201);

            var answers = sendHostileBodies(jar, "/api/v1/stores/" + hostile + "/rooms", () -> {
                var rooms = jar.get("/api/v1/stores/" + quiet + "/rooms");
                assertEquals(200, rooms.statusCode(), rooms.body());
                assertEquals("Hall", JSON.readTree(rooms.body()).path("items").get(0).path("name").asText(), rooms.body());
            });

            assertEquals(THREADS * ROUNDS * 4, answers.size());
            for (var answer : answers) {
                assertEquals(400, answer.statusCode(), answer.body());
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
                assertEquals("body_too_complex", JSON.readTree(answer.body()).path("code").asText(), answer.body());
            }
            assertEquals(0, JSON.readTree(jar.get("/api/v1/stores/" + hostile + "/rooms").body()).path("total").asInt(),
                    "a refused body created a room");
            assertTrue(jar.process().isAlive(), "the server died: " + jar.logText());
            assertEquals(200, jar.get("/health/live").statusCode());
            assertFalse(jar.logText().contains("OutOfMemoryError"), "the server ran out of memory");
        }
    }

    /** Every thread sends each hostile body {@link #ROUNDS} times; {@code meanwhile} runs five times while they do. */
    private static List<HttpResponse<String>> sendHostileBodies(JarProcess jar, String path, Racing.Meanwhile meanwhile) throws Exception {
        var bodies = List.of(HostileBodies.manyItems(), HostileBodies.manyKeys(20_000), HostileBodies.deepArrays(999),
                HostileBodies.deepObjects(999));
        var threads = Collections.<Callable<List<HttpResponse<String>>>>nCopies(THREADS, () -> {
            var answers = new ArrayList<HttpResponse<String>>();
            for (int round = 0; round < ROUNDS; round++) {
                for (var body : bodies) {
                    answers.add(jar.post(path, body));
                }
            }
            return answers;
        });
        var sent = Racing.atOnce(threads, () -> {
            for (int i = 0; i < 5; i++) {
                meanwhile.run();
            }
        });
        return sent.stream().flatMap(List::stream).toList();
    }

    private static long createStore(JarProcess jar, String name) throws Exception {
        var answer = post(jar, "/api/v1/stores", "{\"name\":\"" + name + "\",\"timezone\":\"UTC\"}", 201);
        return JSON.readTree(answer.body()).get("id").asLong();
    }

    private static HttpResponse<String> post(JarProcess jar, String path, String body, int expected) throws Exception {
        var answer = jar.post(path, body);
        assertEquals(expected, answer.statusCode(), answer.body());
        return answer;
    }
}
