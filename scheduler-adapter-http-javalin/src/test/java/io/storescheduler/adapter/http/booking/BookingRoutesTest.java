package io.storescheduler.adapter.http.booking;

import static io.storescheduler.adapter.http.shared.HttpCalls.assertProblem;
import static io.storescheduler.adapter.http.shared.HttpCalls.errorFields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storescheduler.adapter.http.access.Guard;
import io.storescheduler.adapter.http.limits.InMemoryRateLimiter;
import io.storescheduler.adapter.http.limits.RequestLimits;
import io.storescheduler.adapter.http.shared.Answers;
import io.storescheduler.adapter.http.shared.HttpCalls.Answer;
import io.storescheduler.adapter.http.shared.HttpCalls;
import io.storescheduler.adapter.http.shared.Json;
import io.storescheduler.adapter.http.shared.Problems;
import io.storescheduler.application.access.Actor;
import io.storescheduler.application.access.AuthenticateActorUseCase;
import io.storescheduler.application.booking.AddBookingClientUseCase.AddBookingClientCommand;
import io.storescheduler.application.booking.BookingView;
import io.storescheduler.application.booking.ConfirmBookingUseCase.ConfirmBookingCommand;
import io.storescheduler.application.booking.ConfirmViolations;
import io.storescheduler.application.idempotency.IdempotencyUseCase;
import io.storescheduler.application.idempotency.RecordedAnswer;
import io.storescheduler.application.limits.RatePolicy;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.BookingStatus;
import io.storescheduler.domain.booking.ConfirmViolation;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import io.storescheduler.domain.store.Store;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The booking routes' parse, call and answer contract, with fakes of the use cases and no database:
 * what a route hands its use case, how it answers the outcome, and that input it refuses never
 * reaches the use case.
 */
class BookingRoutesTest {

    private static final Store STORE = new Store(new StoreId(3), "Dice & Dragons", ZoneOffset.UTC);
    private static final String TOKEN = "desk-token";
    private static final String BOOKING = "/api/v1/stores/3/bookings/12";
    private static final List<ConfirmBookingCommand> CONFIRMS = new ArrayList<>();
    private static final List<AddBookingClientCommand> ADDED_CLIENTS = new ArrayList<>();
    private static volatile Outcome<BookingView> confirmOutcome;

    private static HttpCalls calls;

    @BeforeAll
    static void start() {
        var mapper = Json.mapper();
        var problems = new Problems(mapper);
        var roomy = new RatePolicy("test", 1_000, 1_000);
        var guard = new Guard(new Guard.UseCases(new OneToken(), (actor, storeId) -> {
            if (!storeId.equals(STORE.id())) {
                return Outcome.refused(Refusal.forbidden("this token is not allowed for store " + storeId));
            }
            return Outcome.done(STORE);
        }, new NoIdempotency()), problems,
                new RequestLimits(new InMemoryRateLimiter(roomy), new InMemoryRateLimiter(roomy)));
        var routes = new BookingRoutes(guard, HttpCalls.bodies(), new Answers(mapper), new BookingRoutes.UseCases(
                command -> unexpected(), (storeId, bookingId) -> unexpected(), command -> unexpected(),
                command -> {
                    ADDED_CLIENTS.add(command);
                    return Outcome.refused(Refusal.notFound("client", command.clientId()));
                },
                command -> unexpected(), command -> unexpected(),
                command -> {
                    CONFIRMS.add(command);
                    return confirmOutcome;
                },
                command -> unexpected(), command -> unexpected(), query -> unexpected()));
        calls = HttpCalls.serve(routes::register);
    }

    @AfterAll
    static void stop() {
        calls.stop();
    }

    @BeforeEach
    void forget() {
        CONFIRMS.clear();
        ADDED_CLIENTS.clear();
        confirmOutcome = null;
    }

    @Test
    void confirm_answers_409_with_each_violation_and_the_ids_it_is_about() throws Exception {
        confirmOutcome = Outcome.refused(ConfirmViolations.refusal(List.of(
                new ConfirmViolation.StatusNotIncomplete(BookingStatus.SCHEDULED),
                new ConfirmViolation.CharacterUnmatched(List.of(new CharacterId(9), new CharacterId(4))),
                new ConfirmViolation.NoRoomAvailable())));

        var answer = post(BOOKING + "/confirm", null, Map.of("If-Match", "\"5\""));

        assertProblem(answer, 409, "confirm_preconditions_failed");
        var violations = answer.json().path("violations");
        assertEquals(3, violations.size(), answer.body());
        assertEquals("status_not_incomplete", violations.get(0).path("code").asText());
        assertEquals("scheduled", violations.get(0).path("status").asText());
        assertEquals("character_unmatched", violations.get(1).path("code").asText());
        assertEquals("[4,9]", violations.get(1).path("character_ids").toString());
        assertEquals("no_room_available", violations.get(2).path("code").asText());
        assertEquals(List.of(new ConfirmBookingCommand(new StoreId(3), new BookingId(12), OptionalLong.of(5))), CONFIRMS);
    }

    @Test
    void confirm_with_a_bad_booking_id_is_a_404_naming_it_and_never_calls_the_use_case() throws Exception {
        for (var bad : List.of("0", "-1", "x", "1.5", "99999999999999999999")) {
            var answer = post("/api/v1/stores/3/bookings/" + bad + "/confirm", null, Map.of());
            assertProblem(answer, 404, "not_found");
            assertEquals("no booking '" + bad + "'", answer.json().path("detail").asText());
        }
        assertProblem(post(BOOKING + "/confirm", null, Map.of("If-Match", "\"five\"")), 400, "invalid_if_match");
        assertEquals(List.of(), CONFIRMS);
    }

    @Test
    void the_guard_refuses_before_the_route_reads_anything() throws Exception {
        assertProblem(calls.send("POST", BOOKING + "/confirm", null, Map.of()), 401, "unauthorized");
        assertProblem(post("/api/v1/stores/4/bookings/12/confirm", null, Map.of()), 403, "forbidden");
        assertEquals(List.of(), CONFIRMS);
    }

    @Test
    void a_client_is_added_with_the_id_of_its_body_and_the_use_cases_refusal_answered() throws Exception {
        var answer = post(BOOKING + "/clients", "{\"client_id\":8}", Map.of());
        assertProblem(answer, 404, "client_not_found");
        assertEquals(List.of(new AddBookingClientCommand(new StoreId(3), new BookingId(12), OptionalLong.empty(), new ClientId(8))),
                ADDED_CLIENTS);
    }

    @Test
    void a_body_over_one_mebibyte_is_a_413_and_never_reaches_the_use_case() throws Exception {
        var huge = "{\"client_id\":8,\"note\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(post(BOOKING + "/clients", huge, Map.of()), 413, "body_too_large");
        assertEquals(List.of(), ADDED_CLIENTS);
    }

    @Test
    void unknown_duplicate_and_mistyped_fields_are_400s_naming_the_field_and_never_reach_the_use_case() throws Exception {
        var unknown = post(BOOKING + "/clients", "{\"client_id\":8,\"admin\":true}", Map.of());
        assertProblem(unknown, 400, "unknown_field");
        assertEquals(List.of("admin"), errorFields(unknown));
        assertProblem(post(BOOKING + "/clients", "{\"client_id\":8,\"client_id\":9}", Map.of()), 400, "malformed_json");
        var mistyped = post(BOOKING + "/clients", "{\"client_id\":\"eight\"}", Map.of());
        assertProblem(mistyped, 400, "invalid_type");
        assertEquals(List.of("client_id"), errorFields(mistyped));
        var missing = post(BOOKING + "/clients", "{}", Map.of());
        assertProblem(missing, 400, "missing_field");
        assertEquals(List.of("client_id"), errorFields(missing));
        assertProblem(post(BOOKING + "/clients", "{\"client_id\":0}", Map.of()), 422, "invalid_value");
        assertEquals(List.of(), ADDED_CLIENTS);
    }

    private static Answer post(String path, String json, Map<String, String> headers) throws Exception {
        var withToken = new HashMap<>(headers);
        withToken.put("Authorization", "Bearer " + TOKEN);
        return calls.send("POST", path, json, withToken);
    }

    private static <T> T unexpected() {
        throw new AssertionError("a use case these tests do not expect was called");
    }

    /** Knows one token, a desk's of store 3. */
    private static final class OneToken implements AuthenticateActorUseCase {

        @Override
        public Optional<Actor> authenticate(String bearerToken) {
            return authenticateWithoutLookup(bearerToken);
        }

        @Override
        public Optional<Actor> authenticateWithoutLookup(String bearerToken) {
            return TOKEN.equals(bearerToken) ? Optional.of(new Actor(1, "desk", false, Set.of(STORE.id()))) : Optional.empty();
        }
    }

    /** No request of these tests carries an {@code Idempotency-Key}. */
    private static final class NoIdempotency implements IdempotencyUseCase {

        @Override
        public Start start(KeyedRequest request) {
            return unexpected();
        }

        @Override
        public void finish(KeyedRequest request, RecordedAnswer answer) {
            unexpected();
        }

        @Override
        public void abandon(KeyedRequest request) {
            unexpected();
        }
    }
}
