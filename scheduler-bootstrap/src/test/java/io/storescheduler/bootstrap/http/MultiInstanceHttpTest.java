package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.ConflictRecount.assertEveryConflictListIsTrueAndSymmetric;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.storescheduler.adapter.jooq.access.PgAccessChangeListener;
import io.storescheduler.bootstrap.SchedulerApplication;
import io.storescheduler.bootstrap.SchedulerConfig.RateLimits;
import io.storescheduler.bootstrap.SchedulerMetrics;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import io.storescheduler.db.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the service in-process, each on its own port with its own connection pool
 * and access cache, against one database, as behind a load balancer. What one instance changes
 * holds on the others well before their 30-second cache entries could expire, and racing confirms
 * spread over all three still give the result of some serial order, and one token's requests
 * spread over them all take from one rate-limit bucket.
 *
 * <p>Waits poll for at most {@link #WELL_BEFORE_EXPIRY}: long enough that a slow machine cannot
 * fail them, short enough that the cache's 30-second expiry alone can never pass them.
 */
class MultiInstanceHttpTest {

    private static final Duration WELL_BEFORE_EXPIRY = Duration.ofSeconds(10);
    private static final int INSTANCES = 3;
    private static final int POOL_SIZE = 4;

    private static final String ADMIN = "admin-" + UUID.randomUUID();
    private static TestDatabase database;
    private static final List<HikariDataSource> pools = new ArrayList<>();
    private static final List<SchedulerApplication> applications = new ArrayList<>();
    private static final List<ApiClient> apis = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() {
        database = TestDatabase.createEmpty();
        for (int i = 0; i < INSTANCES; i++) {
            var pool = pool("instance-" + i);
            pools.add(pool);
            var application = SchedulerApplication.start(pool, database.dataSource(), () -> true, Optional.of(ADMIN),
                    "127.0.0.1", 0, new SchedulerMetrics(), TestServer.GENEROUS_LIMITS);
            applications.add(application);
            apis.add(new ApiClient(application.port()));
        }
    }

    @AfterAll
    static void stopThem() {
        try {
            applications.forEach(SchedulerApplication::close);
            pools.forEach(HikariDataSource::close);
        } finally {
            database.allowConnections(true);
            database.close();
        }
    }

    @Test
    void a_token_revoked_through_one_instance_is_refused_by_the_others() throws Exception {
        var actor = newActor();
        everyInstanceAccepts(actor.token);

        apis.get(0).delete(ADMIN, "/api/v1/actors/" + actor.id).expect(204);

        assertEquals(401, status(0, actor.token), "the instance that revoked it refuses it at once");
        awaitEveryInstance(i -> status(i, actor.token) == 401, "refuses the revoked token");
    }

    @Test
    void a_store_patched_through_one_instance_shows_its_new_name_on_the_others() throws Exception {
        var store = apis.get(0).post(ADMIN, "/api/v1/stores", object("name", "Old name", "timezone", SHANGHAI)).expect(201);
        var path = "/api/v1/stores/" + store.get("id").asLong();
        for (var api : apis) {
            assertEquals("Old name", api.get(ADMIN, path).expect(200).get("name").asText());
        }

        apis.get(0).patch(ADMIN, path, object("name", "New name"), Map.of()).expect(200);

        awaitEveryInstance(i -> apis.get(i).get(ADMIN, path).expect(200).get("name").asText().equals("New name"),
                "shows the store's new name");
    }

    @RepeatedTest(value = 3, name = "round {currentRepetition}")
    void confirms_racing_through_three_instances_use_every_room_before_any_room_takes_a_second_booking() throws Exception {
        var store = StoreSetup.create(apis.get(0), ADMIN, SHANGHAI);
        var rush = RushHour.in(store);

        var confirms = new ArrayList<Callable<Answer>>();
        for (int i = 0; i < rush.bookingIds().size(); i++) {
            var through = store.through(apis.get(i % INSTANCES));
            var bookingId = rush.bookingIds().get(i);
            confirms.add(() -> through.confirm(bookingId));
        }
        var answers = Racing.race(confirms);

        answers.forEach(answer -> answer.expect(200));
        List<JsonNode> bookings = rush.bookingIds().stream().map(store::get).toList();
        rush.assertEveryRoomUsedEvenly(bookings);
        assertEveryConflictListIsTrueAndSymmetric(bookings);
        new StoreInvariants(database::connect, store).assertAll("confirms through three instances");
    }

    @Test
    void an_instance_whose_listening_connection_was_killed_listens_again_and_hears_a_revocation() throws Exception {
        var before = awaitListeningSessions();
        terminate(before);
        var after = awaitListeningSessions();
        assertTrue(Collections.disjoint(before, after), "every instance listens on a new connection");
        var actor = newActor();
        everyInstanceAccepts(actor.token);

        apis.get(0).delete(ADMIN, "/api/v1/actors/" + actor.id).expect(204);

        awaitEveryInstance(i -> status(i, actor.token) == 401, "refuses the revoked token after listening again");
    }

    @Test
    void a_revocation_announced_while_an_instance_could_not_listen_holds_there_once_it_listens_again() throws Exception {
        var actor = newActor();
        everyInstanceAccepts(actor.token);
        awaitFullPools();
        var listening = awaitListeningSessions();
        // no new connection is let in: the listeners, killed, cannot listen again, while the pools serve on
        database.allowConnections(false);
        try {
            terminate(listening);
            apis.get(0).delete(ADMIN, "/api/v1/actors/" + actor.id).expect(204);
            assertEquals(200, status(1, actor.token), "nobody heard the revocation: the instance still remembers the token");
        } finally {
            database.allowConnections(true);
        }

        awaitEveryInstance(i -> status(i, actor.token) == 401, "forgot everything when it listened again");
    }

    @Test
    void one_token_sending_round_robin_through_three_instances_gets_one_bucket_in_all_and_then_429s() {
        var burst = 10;
        var limits = new RateLimits(RateLimits.actorPolicy(1, burst), TestServer.GENEROUS_LIMITS.failedAuthentication());
        var limited = new ArrayList<SchedulerApplication>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                limited.add(SchedulerApplication.start(pools.get(i), database.dataSource(), () -> true, Optional.of(ADMIN),
                        "127.0.0.1", 0, new SchedulerMetrics(), limits));
            }
            var token = newActor().token;
            var answers = new ArrayList<Answer>();

            var started = System.nanoTime();
            // per-instance buckets would let all of these through, 10 a bucket, unless they took 20 s
            for (int i = 0; i < burst * INSTANCES; i++) {
                answers.add(new ApiClient(limited.get(i % INSTANCES).port()).get(token, "/api/v1/stores"));
            }
            var elapsedSeconds = (System.nanoTime() - started) / 1e9;

            var refilled = (long) Math.floor(elapsedSeconds);
            var passed = answers.stream().filter(answer -> answer.status() == 200).count();
            assertTrue(passed >= burst && passed <= burst + refilled,
                    () -> passed + " of " + answers.size() + " passed in " + elapsedSeconds + " s, with a burst of " + burst);
            answers.stream().filter(answer -> answer.status() != 200).forEach(refused -> {
                refused.expectProblem(429, "rate_limited");
                assertEquals("\"actor\";q=" + burst + ";w=" + burst, refused.header("RateLimit-Policy"));
                assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
            });
        } finally {
            limited.forEach(SchedulerApplication::close);
        }
    }

    private record NewActor(long id, String token) {}

    private static NewActor newActor() {
        var created = apis.get(0).post(ADMIN, "/api/v1/actors", object("name", "desk", "store_ids", List.of(), "admin", false))
                .expect(201);
        return new NewActor(created.get("id").asLong(), created.get("token").asText());
    }

    /** Each instance accepts the token, and so remembers its actor. */
    private static void everyInstanceAccepts(String token) {
        for (int i = 0; i < INSTANCES; i++) {
            assertEquals(200, status(i, token), "instance " + i + " accepts the token");
        }
    }

    private static int status(int instance, String token) {
        return apis.get(instance).get(token, "/api/v1/stores").status();
    }

    private interface InstanceCheck {
        boolean holds(int instance) throws Exception;
    }

    /** Polls every instance until {@code check} holds on each; fails if one has not within {@link #WELL_BEFORE_EXPIRY}. */
    private static void awaitEveryInstance(InstanceCheck check, String what) throws Exception {
        var deadline = System.nanoTime() + WELL_BEFORE_EXPIRY.toNanos();
        for (int i = 0; i < INSTANCES; i++) {
            while (!check.holds(i)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("instance " + i + " never " + what + " within " + WELL_BEFORE_EXPIRY.toSeconds() + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** The pids of the instances' listening sessions, once each instance has one. */
    private static Set<Integer> awaitListeningSessions() throws Exception {
        var deadline = System.nanoTime() + WELL_BEFORE_EXPIRY.toNanos();
        while (true) {
            var pids = listeningSessions();
            if (pids.size() == INSTANCES) {
                return pids;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("listening sessions: " + pids + ", not one per instance");
            }
            Thread.sleep(20);
        }
    }

    private static Set<Integer> listeningSessions() throws SQLException {
        var pids = new HashSet<Integer>();
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?")) {
            statement.setString(1, PgAccessChangeListener.APPLICATION_NAME);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }

    /** Ends the sessions from one that was open already, so it works while new connections are refused. */
    private static void terminate(Set<Integer> pids) throws SQLException {
        try (var connection = pools.get(2).getConnection(); var statement = connection.createStatement()) {
            for (var pid : pids) {
                statement.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
        }
    }

    /** Returns once every pool holds all its connections, which serve on while new ones are refused. */
    private static void awaitFullPools() throws InterruptedException {
        var deadline = System.nanoTime() + WELL_BEFORE_EXPIRY.toNanos();
        for (var pool : pools) {
            while (pool.getHikariPoolMXBean().getIdleConnections() + pool.getHikariPoolMXBean().getActiveConnections() < POOL_SIZE) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(pool.getPoolName() + " never opened its " + POOL_SIZE + " connections");
                }
                Thread.sleep(20);
            }
        }
    }

    /** A pool of its own for each instance, kept full, so an instance serves on while new connections are refused. */
    private static HikariDataSource pool(String name) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        return new HikariDataSource(config);
    }
}
