package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.ClientMatchDecision.Refused;
import io.storescheduler.domain.booking.ClientMatchDecision;
import io.storescheduler.domain.booking.ClientMatchPolicy;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.MatchId;
import java.util.Optional;
import java.util.Set;

/**
 * What a character-client match must satisfy, whether it is added or changed: the booking is
 * incomplete and has a script, the character is a non-DM character of it, the client is in the
 * party, and neither the character nor the client is in another match of the booking.
 */
public record ClientMatchRules(BookingReferences references) {

    /** The checks for {@code booking} to hold the match {@code (characterId, clientId)} in place of {@code replacing}, if given. */
    Outcome<Booking> check(Booking booking, CharacterId characterId, ClientId clientId, Optional<MatchId> replacing) {
        Outcome<Set<CharacterId>> characters = booking.scriptId() == null
                ? Outcome.done(Set.of()) : references.script(booking.storeId(), booking.scriptId()).map(Script::nonDmCharacterIds);
        return characters.flatMap(playable -> ClientMatchPolicy.decide(booking, playable, characterId, clientId, replacing)
                instanceof Refused refused ? Outcome.refused(refusal(refused)) : Outcome.done(booking));
    }

    /** The refusal as the API has always answered it: status, code and detail. */
    private static Refusal refusal(Refused refused) {
        return switch (refused) {
            case ClientMatchDecision.ScriptMissing r ->
                    Refusal.conflict(r.code(), "set the booking's script before matching characters");
            case ClientMatchDecision.CharacterNotPlayable r -> Refusal.invalid(r.code(), "character_id",
                    "character " + r.characterId() + " is not a non-DM character of script " + r.scriptId());
            case ClientMatchDecision.ClientNotInParty r ->
                    Refusal.invalid(r.code(), "client_id", "client " + r.clientId() + " is not in this booking's party");
            case ClientMatchDecision.CharacterAlreadyMatched r ->
                    Refusal.conflict(r.code(), "character " + r.characterId() + " is played by client " + r.clientId());
            case ClientMatchDecision.ClientAlreadyMatched r ->
                    Refusal.conflict(r.code(), "client " + r.clientId() + " plays character " + r.characterId());
        };
    }
}
