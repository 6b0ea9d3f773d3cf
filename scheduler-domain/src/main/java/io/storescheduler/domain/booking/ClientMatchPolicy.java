package io.storescheduler.domain.booking;

import java.util.OptionalLong;
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
            Booking booking, Set<Long> nonDmCharacterIds, long characterId, long clientId, OptionalLong replacing) {
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
            if (replacing.isPresent() && match.id() == replacing.getAsLong()) {
                continue;
            }
            if (match.characterId() == characterId) {
                return new ClientMatchDecision.CharacterAlreadyMatched(characterId, match.clientId());
            }
            if (match.clientId() == clientId) {
                return new ClientMatchDecision.ClientAlreadyMatched(clientId, match.characterId());
            }
        }
        return new ClientMatchDecision.Admitted();
    }
}
