package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.UseCaseFailure;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/**
 * The last guard between the database's integrity rules and the caller: a unique, foreign-key,
 * check or exclusion violation that reaches the end of a transaction becomes a 409 with a code of
 * its own, never a 500. The use cases check these rules first under their locks, so reaching here
 * means a change raced another one that no lock covers; the code tells the caller what clashed.
 */
final class IntegrityConflicts {

    private static final String INTEGRITY_CONSTRAINT_VIOLATION_CLASS = "23";
    private static final Map<String, String> CODES = Map.of(
            "character_client_match_character_key", "character_already_matched",
            "character_client_match_client_key", "client_already_matched",
            "character_client_match_party_fkey", "client_not_in_party",
            "character_dm_match_character_key", "character_already_matched",
            "character_dm_match_free_dm_key", "dm_already_matched",
            "booking_client_pkey", "client_already_in_party",
            "slot_store_id_start_at_key", "slot_exists",
            "room_store_name_key_key", "room_name_taken");

    private IntegrityConflicts() {}

    /** {@code failure} as a conflict when it is an integrity violation; otherwise as it is. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DataAccessException access && isIntegrityViolation(access)) {
            var code = constraint(access).map(CODES::get).orElse("integrity_conflict");
            return UseCaseFailure.conflict(code, "the change clashes with one made at the same time; read the booking again and retry");
        }
        return failure;
    }

    private static boolean isIntegrityViolation(DataAccessException e) {
        return e.sqlState() != null && e.sqlState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION_CLASS);
    }

    private static Optional<String> constraint(DataAccessException e) {
        return Optional.ofNullable(e.getCause(PSQLException.class))
                .map(PSQLException::getServerErrorMessage)
                .map(message -> message.getConstraint());
    }
}
