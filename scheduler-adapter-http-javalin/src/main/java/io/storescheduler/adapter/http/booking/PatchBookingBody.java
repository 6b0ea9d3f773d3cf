package io.storescheduler.adapter.http.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storescheduler.adapter.http.shared.ApiProblem;
import io.storescheduler.adapter.http.shared.Times;
import io.storescheduler.application.booking.PatchBookingUseCase.PatchBookingCommand;
import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.UseCaseFailure;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A {@code PATCH /bookings/{booking_id}} body: a field that is absent stays as it is, a field that
 * is present is set, {@code null} clearing what may be cleared.
 */
final class PatchBookingBody {

    static final Set<String> FIELDS = Set.of("start_at", "script_id", "room_id", "note");

    private PatchBookingBody() {}

    static PatchBookingCommand toCommand(long storeId, long bookingId, OptionalLong expectedVersion, ObjectNode body) {
        return new PatchBookingCommand(storeId, bookingId, expectedVersion,
                startAt(body), id(body, "script_id"), id(body, "room_id"), note(body));
    }

    private static FieldChange<Instant> startAt(ObjectNode body) {
        if (!body.has("start_at")) {
            return FieldChange.keep();
        }
        var node = body.get("start_at");
        if (!node.isTextual()) {
            throw ApiProblem.badRequest("invalid_type", "start_at", "start_at must be a datetime string");
        }
        return FieldChange.setTo(Times.parse("start_at", node.textValue()));
    }

    private static FieldChange<Long> id(ObjectNode body, String field) {
        if (!body.has(field)) {
            return FieldChange.keep();
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return FieldChange.setTo(null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiProblem.badRequest("invalid_type", field, field + " must be an id or null");
        }
        if (node.longValue() <= 0) {
            throw UseCaseFailure.invalid("invalid_value", field, field + " must be positive");
        }
        return FieldChange.setTo(node.longValue());
    }

    private static FieldChange<String> note(ObjectNode body) {
        if (!body.has("note")) {
            return FieldChange.keep();
        }
        var node = body.get("note");
        if (node.isNull()) {
            return FieldChange.setTo(null);
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest("invalid_type", "note", "note must be a string or null");
        }
        if (node.textValue().length() > BookingRequests.MAX_NOTE_LENGTH) {
            throw UseCaseFailure.invalid("invalid_value", "note", "note is at most " + BookingRequests.MAX_NOTE_LENGTH + " characters");
        }
        return FieldChange.setTo(node.textValue());
    }
}
