package io.storescheduler.adapter.http.booking;

import io.storescheduler.domain.booking.ConfirmViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Confirm's failed preconditions on the wire: each with its code and the ids it is about. */
final class Violations {

    private Violations() {}

    static List<Map<String, Object>> toJson(List<ConfirmViolation> violations) {
        return violations.stream().map(Violations::toJson).toList();
    }

    private static Map<String, Object> toJson(ConfirmViolation violation) {
        var json = new LinkedHashMap<String, Object>();
        json.put("code", violation.code());
        switch (violation) {
            case ConfirmViolation.StatusNotIncomplete v -> json.put("status", v.status().code());
            case ConfirmViolation.CharacterUnmatched v -> json.put("character_ids", v.characterIds());
            case ConfirmViolation.ClientUnmatched v -> json.put("client_ids", v.clientIds());
            case ConfirmViolation.CharacterMatchedMoreThanOnce v -> json.put("character_ids", v.characterIds());
            case ConfirmViolation.ClientMatchedMoreThanOnce v -> json.put("client_ids", v.clientIds());
            case ConfirmViolation.MatchOutsideBooking v -> json.put("match_ids", v.matchIds());
            case ConfirmViolation.ScriptMissing v -> { }
            case ConfirmViolation.NoClients v -> { }
            case ConfirmViolation.NoRoomAvailable v -> { }
            case ConfirmViolation.DmNotQualified v -> json.put("dm_ids", v.dmIds());
        }
        return json;
    }
}
