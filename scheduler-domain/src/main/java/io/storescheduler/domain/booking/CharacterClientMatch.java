package io.storescheduler.domain.booking;

/**
 * A booking's statement that the client {@code clientId} plays the non-DM character
 * {@code characterId}. Whether the pair is valid for the booking is not this record's business:
 * {@link PartyBijection} judges the whole set of matches against the script and the party.
 */
public record CharacterClientMatch(long id, long characterId, long clientId) {
}
