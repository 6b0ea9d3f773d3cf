package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Refusal;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.DmMatchDecision.Refused;
import io.storescheduler.domain.booking.DmMatchDecision;
import io.storescheduler.domain.booking.DmMatchPolicy;
import io.storescheduler.domain.catalogue.Script;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import java.util.Optional;
import java.util.Set;

/**
 * What a character-DM match must satisfy, whether it is added or changed: the booking is
 * incomplete or scheduled, a DM the request names is active, a character, if any, is a DM
 * character of the booking's script, played once, by a DM who can host the script, and a free DM
 * is free once.
 */
public record DmMatchRules(BookingReferences references) {

    /** A DM named in a request must be active; one matched before it was made inactive stays where it is. */
    Outcome<Booking> checkNamedDm(Booking booking, DmId dmId) {
        return references.activeDm(booking.storeId(), dmId).map(active -> booking);
    }

    /** The checks for {@code booking} to hold the match {@code (characterId, dmId)} in place of {@code replacing}, if given. */
    Outcome<Booking> check(Booking booking, CharacterId characterId, DmId dmId, Optional<MatchId> replacing) {
        boolean playsCharacter = characterId != null && booking.scriptId() != null;
        Outcome<Set<CharacterId>> characters = playsCharacter
                ? references.script(booking.storeId(), booking.scriptId()).map(Script::dmCharacterIds) : Outcome.done(Set.of());
        Outcome<Boolean> canHost = playsCharacter
                ? references.dm(booking.storeId(), dmId).map(dm -> dm.canHost(booking.scriptId())) : Outcome.done(false);
        return characters.flatMap(dmCharacters -> canHost.flatMap(hosts ->
                DmMatchPolicy.decide(booking, dmCharacters, hosts, characterId, dmId, replacing) instanceof Refused refused
                        ? Outcome.refused(refusal(refused)) : Outcome.done(booking)));
    }

    /** The refusal as the API has always answered it: status, code and detail. */
    private static Refusal refusal(Refused refused) {
        return switch (refused) {
            case DmMatchDecision.ScriptMissing r ->
                    Refusal.conflict(r.code(), "set the booking's script before matching DM characters");
            case DmMatchDecision.CharacterNotDm r -> Refusal.invalid(r.code(), "character_id",
                    "character " + r.characterId() + " is not a DM character of script " + r.scriptId());
            case DmMatchDecision.DmNotQualified r ->
                    Refusal.invalid(r.code(), "dm_id", "dm " + r.dmId() + " cannot host script " + r.scriptId());
            case DmMatchDecision.CharacterAlreadyMatched r ->
                    Refusal.conflict(r.code(), "character " + r.characterId() + " is played by dm " + r.dmId());
            case DmMatchDecision.DmAlreadyMatched r ->
                    Refusal.conflict(r.code(), "dm " + r.dmId() + " is a free DM of this booking already");
        };
    }
}
