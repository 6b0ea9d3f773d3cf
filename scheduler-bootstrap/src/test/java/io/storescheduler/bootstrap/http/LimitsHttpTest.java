package io.storescheduler.bootstrap.http;

import static io.storescheduler.bootstrap.http.ApiClient.object;
import static io.storescheduler.bootstrap.http.Fixtures.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.bootstrap.SchedulerConfig.RateLimits;
import io.storescheduler.bootstrap.http.ApiClient.Answer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate limits on the real server, configured small: an actor past its burst gets 429
 * {@code rate_limited} with {@code Retry-After} and the draft's {@code RateLimit-Policy} and
 * {@code RateLimit} fields, and runs again once its bucket refills; another actor goes on; an
 * address that fails authentication too often gets 429 without a token lookup per request. The
 * buckets refill one request a second, so a whole burst is spent long before a refill matters.
 */
class LimitsHttpTest {

    private static final int BURST = 30;
    private static final int FAILURE_BURST = 5;
    private static final RateLimits SMALL = new RateLimits(RateLimits.actorPolicy(1, BURST),
            new RatePolicy("failed-authentication", 1, FAILURE_BURST));
    private static final int ENOUGH_TO_RUN_DRY = 200;

    @RegisterExtension
    static final TestServer server = TestServer.perClass(SMALL);

    private static StoreSetup store;

    @BeforeAll
    static void setUp() {
        store = server.newStore(SHANGHAI);
    }

    @Test
    void an_actor_past_its_burst_gets_429_with_retry_after_and_the_rate_limit_fields() {
        var token = newStaffToken();

        var refused = runDry(token);

        var problem = refused.expectProblem(429, "rate_limited");
        assertTrue(problem.get("detail").asText().contains("bursts of " + BURST), problem::toString);
        var retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "one request a second: " + retryAfter);
        assertEquals("\"actor\";q=" + BURST + ";w=" + BURST, refused.header("RateLimit-Policy"));
        assertTrue(refused.header("RateLimit").matches("\"actor\";r=0;t=\\d+"), refused.header("RateLimit"));
    }

    @Test
    void the_bucket_refills_and_the_actor_runs_again_after_retry_after() throws InterruptedException {
        var token = newStaffToken();
        var refused = runDry(token);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1_000 + 200);

        server.api().get(token, store.path + "/rooms").expect(200);
    }

    @Test
    void another_actor_is_not_slowed_by_one_past_its_limit() {
        var busy = newStaffToken();
        var other = newStaffToken();
        runDry(busy);

        for (int i = 0; i < BURST / 2; i++) {
            server.api().get(other, store.path + "/rooms").expect(200);
        }
    }

    @Test
    void health_metrics_and_the_document_are_not_limited() {
        runDry(newStaffToken());

        for (int i = 0; i < 2 * BURST; i++) {
            assertEquals(200, server.api().get(null, "/health/live").status());
            assertEquals(200, server.api().get(null, "/health/ready").status());
            assertEquals(200, server.api().get(null, "/api/v1/openapi.json").status());
        }
        assertEquals(200, server.api().get(null, "/metrics").status());
    }

    @Test
    void an_address_failing_authentication_too_often_gets_429_and_costs_no_query_while_a_known_token_still_works() {
        var trips = new RoundTrips();
        try (var own = TestServer.start(trips::wrap, SMALL)) {
            var ownApi = own.api();
            var known = own.newStore("Europe/Berlin");
            ownApi.get(known.token, known.path).expect(200);
            var unknownYet = newStaffToken(ownApi, own.adminToken, known.storeId);

            var failures = 0;
            Answer answer;
            while ((answer = ownApi.get(UUID.randomUUID().toString(), known.path)).status() == 401) {
                failures++;
                assertTrue(failures <= ENOUGH_TO_RUN_DRY, "failed authentication is limited");
            }
            assertTrue(failures >= FAILURE_BURST, "the burst of failures is answered 401: " + failures);
            answer.expectProblem(429, "rate_limited");
            assertEquals("\"failed-authentication\";q=" + FAILURE_BURST + ";w=" + FAILURE_BURST, answer.header("RateLimit-Policy"));

            trips.reset();
            for (int i = 0; i < 100; i++) {
                ownApi.get(UUID.randomUUID().toString(), known.path).expectProblem(429, "rate_limited");
            }
            ownApi.get(null, known.path).expectProblem(429, "rate_limited");
            assertEquals(0, trips.statements(), "a flood of made-up tokens reaches no database: " + trips.recorded());

            ownApi.get(known.token, known.path).expect(200);
            ownApi.get(own.adminToken, "/api/v1/stores").expect(200);
            // a right token this instance has not seen yet waits for the address's bucket too: it could be a guess
            ownApi.get(unknownYet, known.path).expectProblem(429, "rate_limited");
        }
    }

    /** Sends requests with {@code token} until one is refused, and answers that one. */
    private static Answer runDry(String token) {
        for (int i = 0; i < ENOUGH_TO_RUN_DRY; i++) {
            var answer = server.api().get(token, store.path + "/rooms");
            if (answer.status() == 429) {
                assertTrue(i >= BURST, "the whole burst is served first: " + i);
                return answer;
            }
            answer.expect(200);
        }
        throw new AssertionError(ENOUGH_TO_RUN_DRY + " requests at once were all served");
    }

    private static String newStaffToken() {
        return newStaffToken(server.api(), server.adminToken, store.storeId);
    }

    private static String newStaffToken(ApiClient api, String adminToken, long storeId) {
        return api.post(adminToken, "/api/v1/actors", object("name", "desk " + UUID.randomUUID(), "store_ids", List.of(storeId), "admin", false))
                .expect(201).get("token").asText();
    }
}
