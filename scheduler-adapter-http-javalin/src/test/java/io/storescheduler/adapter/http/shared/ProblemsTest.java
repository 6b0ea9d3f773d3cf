package io.storescheduler.adapter.http.shared;

import static io.storescheduler.adapter.http.shared.HttpCalls.assertProblem;
import static io.storescheduler.adapter.http.shared.HttpCalls.errorFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.application.shared.Refusal;
import io.storescheduler.application.shared.UseCaseFailure;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How {@link Problems} answers each kind of refusal, on a bare Javalin whose routes throw them: the
 * status, {@code type} and {@code code}, {@code errors[]}, and {@code application/problem+json}.
 */
class ProblemsTest {

    record Sample(@NotNull @Positive Long roomId, @Positive Integer seatCount) {}

    private static HttpCalls calls;

    @BeforeAll
    static void start() {
        var bodies = HttpCalls.bodies();
        calls = HttpCalls.serve(routes -> {
            routes.get("/fail/{kind}", ctx -> {
                throw failureOf(UseCaseFailure.Kind.valueOf(ctx.pathParam("kind")));
            });
            routes.get("/quota", ctx -> {
                throw UseCaseFailure.of(Refusal.quotaExceeded("rooms", 50));
            });
            routes.get("/bug", ctx -> {
                throw new IllegalStateException("a secret of the server");
            });
            routes.post("/body", ctx -> ctx.result(bodies.body(ctx, Sample.class).toString()));
        });
    }

    @AfterAll
    static void stop() {
        calls.stop();
    }

    /** One failure of each kind, as a service throws it. */
    private static UseCaseFailure failureOf(UseCaseFailure.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> UseCaseFailure.of(Refusal.notFound("room", 7));
            case CONFLICT -> UseCaseFailure.conflict("room_in_use", "the room has bookings");
            case INVALID -> UseCaseFailure.of(Refusal.invalid("invalid_reference", "script_id", "no such script"));
            case FORBIDDEN -> UseCaseFailure.of(Refusal.forbidden("this token is not allowed for store 3"));
            case STALE -> UseCaseFailure.of(Refusal.stale("booking 4", 2, 3));
            case UNAVAILABLE -> UseCaseFailure.unavailable("the database cannot be reached");
        };
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 404", "CONFLICT, 409", "INVALID, 422", "FORBIDDEN, 403", "STALE, 412", "UNAVAILABLE, 503"})
    void each_failure_kind_answers_its_status_with_the_failures_code_and_detail(UseCaseFailure.Kind kind, int status) throws Exception {
        var failure = failureOf(kind);
        var answer = calls.send("GET", "/fail/" + kind, null, Map.of());
        assertProblem(answer, status, failure.code());
        assertEquals(failure.getMessage(), answer.json().path("detail").asText());
        assertEquals(kind == UseCaseFailure.Kind.INVALID ? List.of("script_id") : List.of(), errorFields(answer));
    }

    @Test
    void an_unavailable_database_is_worth_a_retry_and_a_forbidden_caller_is_not_asked_for_a_token() throws Exception {
        assertEquals("5", calls.send("GET", "/fail/UNAVAILABLE", null, Map.of()).header("Retry-After"));
        assertEquals("", calls.send("GET", "/fail/FORBIDDEN", null, Map.of()).header("WWW-Authenticate"));
    }

    @Test
    void a_quota_refusal_names_its_quota_and_limit() throws Exception {
        var answer = calls.send("GET", "/quota", null, Map.of());
        assertProblem(answer, 409, "quota_exceeded");
        assertEquals("rooms", answer.json().path("quota").asText());
        assertEquals(50, answer.json().path("limit").asLong());
    }

    @Test
    void a_validation_error_answers_422_with_one_error_per_field_by_its_snake_case_name() throws Exception {
        var answer = calls.send("POST", "/body", "{\"room_id\":0,\"seat_count\":-1}", Map.of());
        assertProblem(answer, 422, "invalid_value");
        assertEquals(List.of("room_id", "seat_count"), errorFields(answer));
        for (var error : answer.json().path("errors")) {
            assertEquals(false, error.path("message").asText().isEmpty(), answer.body());
        }
    }

    @Test
    void an_unexpected_exception_is_a_bare_500_that_tells_nothing_of_it() throws Exception {
        var answer = calls.send("GET", "/bug", null, Map.of());
        assertProblem(answer, 500, "internal_error");
        assertEquals(false, answer.body().contains("secret"), answer.body());
        assertEquals(false, answer.body().contains("IllegalStateException"), answer.body());
    }
}
