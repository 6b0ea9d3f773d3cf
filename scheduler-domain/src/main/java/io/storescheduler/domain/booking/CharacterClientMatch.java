package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.MatchId;

/**
 * A booking's statement that the client {@code clientId} plays the non-DM character
 * {@code characterId}. Whether the pair is valid for the booking is not this record's business:
 * {@link PartyBijection} judges the whole set of matches against the script and the party.
 */
public record CharacterClientMatch(MatchId id, CharacterId characterId, ClientId clientId) {
}
