package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.MatchId;
import java.util.Optional;
import java.util.Set;

/**
 * What a character-client match must satisfy, whether it is added or changed, the way
 * {@link PartyBijection} states it at confirmation: the booking has a script, the character is a
 * non-DM character of it, the client is in the party, and neither the character nor the client is
 * in another match of the booking. Checks run in that order; the first miss is the answer.
 */
public final class ClientMatchPolicy {

    private ClientMatchPolicy() {
    }

    /**
     * Whether {@code booking}, whose script has the non-DM characters {@code nonDmCharacterIds}
     * (ignored without a script), may hold the match {@code (characterId, clientId)} in place of
     * its match {@code replacing}, if given.
     */
    public static ClientMatchDecision decide(
            Booking booking, Set<CharacterId> nonDmCharacterIds, CharacterId characterId, ClientId clientId, Optional<MatchId> replacing) {
        if (booking.scriptId() == null) {
            return new ClientMatchDecision.ScriptMissing();
        }
        if (!nonDmCharacterIds.contains(characterId)) {
            return new ClientMatchDecision.CharacterNotPlayable(characterId, booking.scriptId());
        }
        if (!booking.partyClientIds().contains(clientId)) {
            return new ClientMatchDecision.ClientNotInParty(clientId);
        }
        for (CharacterClientMatch match : booking.clientMatches()) {
            if (replacing.isPresent() && match.id().equals(replacing.get())) {
                continue;
            }
            if (match.characterId().equals(characterId)) {
                return new ClientMatchDecision.CharacterAlreadyMatched(characterId, match.clientId());
            }
            if (match.clientId().equals(clientId)) {
                return new ClientMatchDecision.ClientAlreadyMatched(clientId, match.characterId());
            }
        }
        return new ClientMatchDecision.Admitted();
    }
}
