package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.ConfirmViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirm's refusal: a conflict listing every failed precondition, each with its code and the ids
 * it is about, named as the answer names them (like a quota refused names its quota and limit).
 */
public final class ConfirmViolations {

    public static final String CODE = "confirm_preconditions_failed";

    private ConfirmViolations() {}

    /** The refusal of a confirm that {@code violations} stop: one line from the domain's decision. */
    public static Refusal refusal(List<ConfirmViolation> violations) {
        return Refusal.conflict(CODE, "the booking cannot be confirmed yet: see violations", Map.of("violations", details(violations)));
    }

    static List<Map<String, Object>> details(List<ConfirmViolation> violations) {
        return violations.stream().map(ConfirmViolations::details).toList();
    }

    private static Map<String, Object> details(ConfirmViolation violation) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("code", violation.code());
        switch (violation) {
            case ConfirmViolation.StatusNotIncomplete v -> fields.put("status", v.status().code());
            case ConfirmViolation.CharacterUnmatched v -> fields.put("character_ids", v.characterIds());
            case ConfirmViolation.ClientUnmatched v -> fields.put("client_ids", v.clientIds());
            case ConfirmViolation.CharacterMatchedMoreThanOnce v -> fields.put("character_ids", v.characterIds());
            case ConfirmViolation.ClientMatchedMoreThanOnce v -> fields.put("client_ids", v.clientIds());
            case ConfirmViolation.MatchOutsideBooking v -> fields.put("match_ids", v.matchIds());
            case ConfirmViolation.ScriptMissing v -> { }
            case ConfirmViolation.NoClients v -> { }
            case ConfirmViolation.NoRoomAvailable v -> { }
            case ConfirmViolation.DmNotQualified v -> fields.put("dm_ids", v.dmIds());
        }
        return fields;
    }
}
