package io.storescheduler.adapter.http.shared;

import static io.storescheduler.adapter.http.shared.HttpCalls.assertProblem;
import static io.storescheduler.adapter.http.shared.HttpCalls.errorFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.storescheduler.application.shared.UseCaseFailure;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How {@link Problems} answers each kind of refusal, on a bare Javalin whose routes throw them: the
 * status, {@code type} and {@code code}, {@code errors[]}, and {@code application/problem+json}.
 */
class ProblemsTest {

    record Sample(@NotNull @Positive Long roomId, @Positive Integer seatCount) {}

    private static Javalin app;
    private static HttpCalls calls;

    @BeforeAll
    static void start() {
        var validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        var bodies = new JsonBodies(Json.mapper(), new Constraints(validator));
        var problems = new Problems(Json.mapper());
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/fail/{kind}", ctx -> {
                throw failureOf(UseCaseFailure.Kind.valueOf(ctx.pathParam("kind")));
            });
            config.routes.get("/quota", ctx -> {
                throw UseCaseFailure.quotaExceeded("rooms", 50);
            });
            config.routes.get("/bug", ctx -> {
                throw new IllegalStateException("a secret of the server");
            });
            config.routes.post("/body", ctx -> ctx.result(bodies.body(ctx, Sample.class).toString()));
            config.routes.exception(Exception.class, problems::handle);
        }).start("127.0.0.1", 0);
        calls = new HttpCalls(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** One failure of each kind, as a service throws it. */
    private static UseCaseFailure failureOf(UseCaseFailure.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> UseCaseFailure.notFound("room", 7);
            case CONFLICT -> UseCaseFailure.conflict("room_in_use", "the room has bookings");
            case INVALID -> UseCaseFailure.invalid("invalid_reference", "script_id", "no such script");
            case FORBIDDEN -> UseCaseFailure.forbidden("this token is not allowed for store 3");
            case STALE -> UseCaseFailure.stale("booking 4", 2, 3);
            case UNAVAILABLE -> UseCaseFailure.unavailable("the database cannot be reached");
        };
    }

    private static int statusOf(UseCaseFailure.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case STALE -> 412;
            case UNAVAILABLE -> 503;
        };
    }

    @ParameterizedTest
    @EnumSource(UseCaseFailure.Kind.class)
    void each_failure_kind_answers_its_status_with_the_failures_code_and_detail(UseCaseFailure.Kind kind) throws Exception {
        var failure = failureOf(kind);
        var answer = calls.send("GET", "/fail/" + kind, null, Map.of());
        assertProblem(answer, statusOf(kind), failure.code());
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
