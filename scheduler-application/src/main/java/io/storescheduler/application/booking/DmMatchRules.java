package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.Booking;
import io.storescheduler.domain.booking.BookingLifecycle;
import io.storescheduler.domain.booking.CharacterDmMatch;
import java.util.OptionalLong;

/**
 * What a character-DM match must satisfy, whether it is added or changed: the booking is
 * incomplete or scheduled, a DM the request names is active, a character, if any, is a DM
 * character of the booking's script, played once, by a DM who can host the script, and a free DM
 * is free once.
 */
final class DmMatchRules {

    private final BookingReferences references;

    DmMatchRules(CatalogueRepository catalogue) {
        this.references = new BookingReferences(catalogue);
    }

    static void checkEditable(Booking booking) {
        if (!BookingLifecycle.canChangeDmMatches(booking.status())) {
            throw BookingViews.notEditable(booking, "the DM matches");
        }
    }

    /** A DM named in a request must be active; one matched before it was made inactive stays where it is. */
    void checkNamedDm(Booking booking, long dmId) {
        references.activeDm(booking.storeId(), dmId);
    }

    /** The checks for {@code booking} to hold the match {@code (characterId, dmId)} in place of {@code replacing}, if given. */
    void check(Booking booking, Long characterId, long dmId, OptionalLong replacing) {
        if (characterId != null) {
            checkDmCharacter(booking, characterId);
            checkQualified(booking, dmId);
        }
        for (CharacterDmMatch match : booking.dmMatches()) {
            if (replacing.isPresent() && match.id() == replacing.getAsLong()) {
                continue;
            }
            if (characterId != null && characterId.equals(match.characterId())) {
                throw UseCaseFailure.conflict("character_already_matched", "character " + characterId + " is played by dm " + match.dmId());
            }
            if (characterId == null && match.isFreeDm() && match.dmId() == dmId) {
                throw UseCaseFailure.conflict("dm_already_matched", "dm " + dmId + " is a free DM of this booking already");
            }
        }
    }

    private void checkDmCharacter(Booking booking, long characterId) {
        if (booking.scriptId() == null) {
            throw UseCaseFailure.conflict("script_missing", "set the booking's script before matching DM characters");
        }
        var script = references.script(booking.storeId(), booking.scriptId());
        if (!script.dmCharacterIds().contains(characterId)) {
            throw UseCaseFailure.invalid("character_not_dm", "character_id",
                    "character " + characterId + " is not a DM character of script " + script.id());
        }
    }

    /** A DM playing a DM character hosts the game, so they must be able to host its script. */
    private void checkQualified(Booking booking, long dmId) {
        var dm = references.dm(booking.storeId(), dmId);
        if (!dm.canHost(booking.scriptId())) {
            throw UseCaseFailure.invalid("dm_not_qualified", "dm_id",
                    "dm " + dmId + " cannot host script " + booking.scriptId());
        }
    }

    /** The booking's match {@code matchId}; a match of another booking, or of none, is not found. */
    static CharacterDmMatch match(Booking booking, long matchId) {
        return booking.dmMatches().stream().filter(match -> match.id() == matchId).findFirst()
                .orElseThrow(() -> UseCaseFailure.notFound("character_dm_match", matchId));
    }
}
