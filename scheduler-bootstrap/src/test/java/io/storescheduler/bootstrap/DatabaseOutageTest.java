package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.bootstrap.SchedulerConfig.DatabaseLimits;
import io.storescheduler.db.ScheduleLocks;
import io.storescheduler.db.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database fails under a running server, with the production pool and its bounds: it goes
 * away, a connection is killed mid-request, every pooled connection is busy, a statement runs past
 * the statement timeout. API calls answer 503 problem+json with Retry-After instead of hanging or
 * failing with a 500, readiness follows the database while liveness stays up, and the service
 * (its pool included) heals by itself.
 */
class DatabaseOutageTest {

    private static final String ADMIN = "outage-admin-token-of-32-characters-at-least";
    private static final ObjectMapper JSON = new ObjectMapper();
    // a bound on every exchange, far above the pool's connection timeout, so a hang fails instead of blocking; nothing is timed
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestDatabase testDatabase;
    private Database database;
    private SchedulerApplication application;
    private final List<Connection> testConnections = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        testDatabase = TestDatabase.createMigrated();
    }

    private void serve(DatabaseLimits limits) {
        var config = new SchedulerConfig(Optional.of(testDatabase.url()), testDatabase.user(), testDatabase.password(),
                "127.0.0.1", 0, Optional.of(ADMIN), Path.of("unused"), limits, false, SchedulerConfig.RateLimits.DEFAULTS,
                LogFormat.JSON);
        database = Database.open(config);
        application = SchedulerApplication.start(database.dataSource(), database.listening(), database::reachable, Optional.of(ADMIN), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws SQLException {
        for (var connection : testConnections) {
            connection.close();
        }
        allowConnections(true);
        if (application != null) {
            application.close();
            database.close();
        }
        testDatabase.close();
    }

    @Test
    void api_calls_answer_503_with_retry_after_while_the_database_is_down_and_recover_after() throws Exception {
        serve(DatabaseLimits.DEFAULTS);
        assertEquals(200, get("/api/v1/stores").statusCode());

        allowConnections(false);
        var down = get("/api/v1/stores");
        assertUnavailable(down, "database_unavailable");
        assertEquals(200, get("/health/live").statusCode());
        assertEquals(503, get("/health/ready").statusCode());

        allowConnections(true);
        assertEquals(200, awaitStatus("/api/v1/stores", 200));
        // the probe shares its last result for a second (SchedulerApi.READINESS_SHARED_FOR)
        assertEquals(200, awaitStatus("/health/ready", 200));
    }

    @Test
    void a_connection_killed_mid_use_fails_one_request_cleanly_and_the_next_succeed() throws Exception {
        serve(DatabaseLimits.DEFAULTS);
        assertEquals(200, get("/api/v1/stores").statusCode());

        terminateBackends();
        var after = get("/api/v1/stores");
        assertTrue(after.statusCode() == 200 || after.statusCode() == 503, after.statusCode() + " " + after.body());

        assertEquals(200, awaitStatus("/api/v1/stores", 200));
    }

    @Test
    void a_request_whose_connection_is_killed_while_it_runs_answers_503_and_the_pool_refills() throws Exception {
        serve(DatabaseLimits.DEFAULTS);
        var storeId = createStore();
        var booking = bookingPath(storeId, createBooking(storeId));
        awaitPool(DatabaseLimits.DEFAULTS.poolSize(), 0);

        var lock = holdScheduleLock(storeId);
        var confirm = postAsync(booking + "/confirm");
        var waiting = awaitSessionsWaitingForTheLock(1);
        execute(lock, "SELECT pg_terminate_backend(" + waiting.getFirst() + ")");
        var killed = confirm.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        lock.rollback();

        assertUnavailable(killed, "database_unavailable");
        assertEquals(200, get(booking).statusCode());
        assertEquals(409, post(booking + "/confirm").statusCode(), "the next confirm runs: its preconditions fail, nothing else");
        awaitPool(DatabaseLimits.DEFAULTS.poolSize(), 0);
        assertEquals(DatabaseLimits.DEFAULTS.poolSize(), pool().getTotalConnections(), "the pool is full again");
        assertEquals(0, pool().getActiveConnections(), "no connection leaked");
    }

    @Test
    void a_request_finding_every_connection_busy_answers_503_within_the_pool_timeout_and_service_resumes() throws Exception {
        var limits = new DatabaseLimits(2, Duration.ofSeconds(1), Duration.ofSeconds(15));
        serve(limits);
        var storeId = createStore();
        var booking = bookingPath(storeId, createBooking(storeId));
        assertEquals(200, get(booking).statusCode());

        var lock = holdScheduleLock(storeId);
        var confirms = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < limits.poolSize(); i++) {
            confirms.add(postAsync(booking + "/confirm"));
        }
        awaitSessionsWaitingForTheLock(limits.poolSize());
        var starved = get(booking);
        lock.rollback();

        assertUnavailable(starved, "database_unavailable");
        for (var confirm : confirms) {
            assertEquals(409, confirm.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode(), "a queued confirm ran once the lock was free");
        }
        assertEquals(200, get(booking).statusCode());
        awaitPool(limits.poolSize(), 0);
        assertEquals(0, pool().getActiveConnections(), "no connection leaked");
    }

    @Test
    void a_statement_held_past_the_statement_timeout_answers_503_and_the_connection_serves_on() throws Exception {
        var limits = DatabaseLimits.DEFAULTS.withStatementTimeout(Duration.ofSeconds(1));
        serve(limits);
        var storeId = createStore();
        var booking = bookingPath(storeId, createBooking(storeId));
        awaitPool(limits.poolSize(), 0);

        var lock = holdScheduleLock(storeId);
        var cancelled = post(booking + "/confirm");
        lock.rollback();

        assertUnavailable(cancelled, "database_timeout");
        assertEquals(409, post(booking + "/confirm").statusCode(), "the next confirm runs: its preconditions fail, nothing else");
        assertEquals(200, get(booking).statusCode());
        awaitPool(limits.poolSize(), 0);
        assertEquals(limits.poolSize(), pool().getTotalConnections(), "a cancelled statement costs no connection");
    }

    private static void assertUnavailable(HttpResponse<String> answer, String code) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertNotNull(answer.headers().firstValue("Retry-After").orElse(null), "Retry-After");
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
    }

    private com.zaxxer.hikari.HikariPoolMXBean pool() {
        return database.dataSource().getHikariPoolMXBean();
    }

    /** Waits until the pool holds {@code total} connections with {@code active} of them in use; polls, never measures. */
    private void awaitPool(int total, int active) throws InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && (pool().getTotalConnections() != total || pool().getActiveConnections() != active)) {
            Thread.sleep(50);
        }
    }

    private long createStore() throws Exception {
        var created = post("/api/v1/stores", "{\"name\":\"Fault House\",\"timezone\":\"Asia/Shanghai\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private long createBooking(long storeId) throws Exception {
        var created = post("/api/v1/stores/" + storeId + "/bookings/incomplete", "{\"start_at\":\"2026-12-05T14:00:00+08:00\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static String bookingPath(long storeId, long bookingId) {
        return "/api/v1/stores/" + storeId + "/bookings/" + bookingId;
    }

    /** Holds the store's schedule lock from a session of the test's own, so the server's confirms wait inside their transaction. */
    private Connection holdScheduleLock(long storeId) throws SQLException {
        var connection = testDatabase.connect();
        testConnections.add(connection);
        ScheduleLocks.hold(connection, storeId);
        return connection;
    }

    /** The server sessions waiting for the schedule lock, once there are {@code count}; polls, never measures. */
    private List<Integer> awaitSessionsWaitingForTheLock(int count) throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + PATIENCE.toNanos();
        try (var connection = testDatabase.connect()) {
            while (System.nanoTime() < deadline) {
                var pids = ScheduleLocks.waitingSessions(connection);
                if (pids.size() >= count) {
                    return pids;
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("fewer than " + count + " server sessions ever waited for the schedule lock");
    }

    private int awaitStatus(String path, int wanted) throws Exception {
        int status = -1;
        for (int attempt = 0; attempt < 60 && status != wanted; attempt++) {
            status = get(path).statusCode();
            if (status != wanted) {
                Thread.sleep(250);
            }
        }
        return status;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return post(path, "{}");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String path) {
        return HTTP.sendAsync(request(path).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.port() + path))
                .timeout(PATIENCE)
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json");
    }

    private void allowConnections(boolean allowed) throws SQLException {
        adminExecute("ALTER DATABASE " + testDatabase.name() + " ALLOW_CONNECTIONS " + allowed);
        if (!allowed) {
            terminateBackends();
        }
    }

    private void terminateBackends() throws SQLException {
        adminExecute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + testDatabase.name() + "'");
    }

    private void adminExecute(String sql) throws SQLException {
        var adminUrl = testDatabase.url().substring(0, testDatabase.url().lastIndexOf('/') + 1) + "postgres";
        try (var connection = DriverManager.getConnection(adminUrl, testDatabase.user(), testDatabase.password());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
