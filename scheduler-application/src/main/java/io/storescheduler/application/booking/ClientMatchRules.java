package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.CharacterClientMatch;
import java.util.OptionalLong;

/**
 * What a character-client match must satisfy, whether it is added or changed: the booking is
 * incomplete and has a script, the character is a non-DM character of it, the client is in the
 * party, and neither the character nor the client is in another match of the booking.
 */
final class ClientMatchRules {

    private final BookingReferences references;

    ClientMatchRules(CatalogueRepository catalogue) {
        this.references = new BookingReferences(catalogue);
    }

    static void checkEditable(Booking booking) {
        if (!BookingLifecycle.canChangeClientMatches(booking.status())) {
            throw BookingViews.notEditable(booking, "the character matches");
        }
    }

    /** The checks for {@code booking} to hold the match {@code (characterId, clientId)} in place of {@code replacing}, if given. */
    void check(Booking booking, long characterId, long clientId, OptionalLong replacing) {
        if (booking.scriptId() == null) {
            throw UseCaseFailure.conflict("script_missing", "set the booking's script before matching characters");
        }
        var script = references.script(booking.storeId(), booking.scriptId());
        if (!script.nonDmCharacterIds().contains(characterId)) {
            throw UseCaseFailure.invalid("character_not_playable", "character_id",
                    "character " + characterId + " is not a non-DM character of script " + script.id());
        }
        if (!booking.partyClientIds().contains(clientId)) {
            throw UseCaseFailure.invalid("client_not_in_party", "client_id", "client " + clientId + " is not in this booking's party");
        }
        for (CharacterClientMatch match : booking.clientMatches()) {
            if (replacing.isPresent() && match.id() == replacing.getAsLong()) {
                continue;
            }
            if (match.characterId() == characterId) {
                throw UseCaseFailure.conflict("character_already_matched", "character " + characterId + " is played by client " + match.clientId());
            }
            if (match.clientId() == clientId) {
                throw UseCaseFailure.conflict("client_already_matched", "client " + clientId + " plays character " + match.characterId());
            }
        }
    }

    /** The booking's match {@code matchId}; a match of another booking, or of none, is not found. */
    static CharacterClientMatch match(Booking booking, long matchId) {
        return booking.clientMatches().stream().filter(match -> match.id() == matchId).findFirst()
                .orElseThrow(() -> UseCaseFailure.notFound("character_client_match", matchId));
    }
}
