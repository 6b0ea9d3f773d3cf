package io.storescheduler.application.booking;

import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.ClientMatchDecision;
import io.storescheduler.domain.booking.ClientMatchDecision.Refused;
import io.storescheduler.domain.booking.ClientMatchPolicy;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a character-client match must satisfy, whether it is added or changed: the booking is
 * incomplete and has a script, the character is a non-DM character of it, the client is in the
 * party, and neither the character nor the client is in another match of the booking.
 */
public final class ClientMatchRules {

    private final BookingReferences references;

    public ClientMatchRules(BookingReferences references) {
        this.references = references;
    }

    /** The checks for {@code booking} to hold the match {@code (characterId, clientId)} in place of {@code replacing}, if given. */
    void check(Booking booking, long characterId, long clientId, OptionalLong replacing) {
        Set<Long> characters = booking.scriptId() == null
                ? Set.of() : references.script(booking.storeId(), booking.scriptId()).nonDmCharacterIds();
        if (ClientMatchPolicy.decide(booking, characters, characterId, clientId, replacing) instanceof Refused refused) {
            throw failure(refused);
        }
    }

    /** The refusal as the API has always answered it: status, code and detail. */
    private static UseCaseFailure failure(Refused refused) {
        return switch (refused) {
            case ClientMatchDecision.ScriptMissing r ->
                    UseCaseFailure.conflict(r.code(), "set the booking's script before matching characters");
            case ClientMatchDecision.CharacterNotPlayable r -> UseCaseFailure.invalid(r.code(), "character_id",
                    "character " + r.characterId() + " is not a non-DM character of script " + r.scriptId());
            case ClientMatchDecision.ClientNotInParty r ->
                    UseCaseFailure.invalid(r.code(), "client_id", "client " + r.clientId() + " is not in this booking's party");
            case ClientMatchDecision.CharacterAlreadyMatched r ->
                    UseCaseFailure.conflict(r.code(), "character " + r.characterId() + " is played by client " + r.clientId());
            case ClientMatchDecision.ClientAlreadyMatched r ->
                    UseCaseFailure.conflict(r.code(), "client " + r.clientId() + " plays character " + r.characterId());
        };
    }
}
