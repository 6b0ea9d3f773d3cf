package io.storescheduler.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.db.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running server, with the production pool and its timeouts:
 * API calls answer 503 with Retry-After instead of hanging or failing with a 500, readiness
 * follows the database while liveness stays up, and the service heals by itself when it returns.
 */
class DatabaseOutageTest {

    private static final String ADMIN = "outage-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestDatabase testDatabase;
    private Database database;
    private SchedulerApplication application;

    @BeforeEach
    void start() {
        testDatabase = TestDatabase.createEmpty();
        var config = new SchedulerConfig(Optional.of(testDatabase.url()), testDatabase.user(), testDatabase.password(),
                "127.0.0.1", 0, Optional.of(ADMIN), Path.of("unused"), false);
        database = Database.open(config);
        application = SchedulerApplication.start(database.dataSource(), database::reachable, Optional.of(ADMIN), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws SQLException {
        allowConnections(true);
        application.close();
        database.close();
        testDatabase.close();
    }

    @Test
    void api_calls_answer_503_with_retry_after_while_the_database_is_down_and_recover_after() throws Exception {
        assertEquals(200, get("/api/v1/stores").statusCode());

        allowConnections(false);
        var down = get("/api/v1/stores");
        assertEquals(503, down.statusCode(), down.body());
        assertNotNull(down.headers().firstValue("Retry-After").orElse(null));
        assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(down.body().contains("\"code\":\"database_unavailable\""), down.body());
        assertEquals(200, get("/health/live").statusCode());
        assertEquals(503, get("/health/ready").statusCode());

        allowConnections(true);
        assertEquals(200, awaitStatus("/api/v1/stores", 200));
        assertEquals(200, get("/health/ready").statusCode());
    }

    @Test
    void a_connection_killed_mid_use_fails_one_request_cleanly_and_the_next_succeed() throws Exception {
        assertEquals(200, get("/api/v1/stores").statusCode());

        terminateBackends();
        var after = get("/api/v1/stores");
        assertTrue(after.statusCode() == 200 || after.statusCode() == 503, after.statusCode() + " " + after.body());

        assertEquals(200, awaitStatus("/api/v1/stores", 200));
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
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + application.port() + path))
                .header("Authorization", "Bearer " + ADMIN).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
}
