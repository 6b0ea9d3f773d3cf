package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import java.util.Optional;
import java.util.Set;

/**
 * What a character-DM match must satisfy, whether it is added or changed. A match with a
 * character needs the booking's script, the character among its DM characters, and a DM who can
 * host the script; then no other match of the booking may play that character. A free DM (no
 * character) may be a free DM of the booking once. Checks run in that order; the first miss is
 * the answer.
 */
public final class DmMatchPolicy {

    private DmMatchPolicy() {
    }

    /**
     * Whether {@code booking}, whose script has the DM characters {@code dmCharacterIds} and can
     * be hosted by the DM when {@code dmCanHostScript} (both ignored for a free DM or without a
     * script), may hold the match {@code (characterId, dmId)} in place of its match
     * {@code replacing}, if given. A {@code null} character makes the DM a free DM.
     */
    public static DmMatchDecision decide(Booking booking, Set<CharacterId> dmCharacterIds, boolean dmCanHostScript,
            CharacterId characterId, DmId dmId, Optional<MatchId> replacing) {
        if (characterId != null) {
            if (booking.scriptId() == null) {
                return new DmMatchDecision.ScriptMissing();
            }
            if (!dmCharacterIds.contains(characterId)) {
                return new DmMatchDecision.CharacterNotDm(characterId, booking.scriptId());
            }
            if (!dmCanHostScript) {
                return new DmMatchDecision.DmNotQualified(dmId, booking.scriptId());
            }
        }
        return clash(booking, characterId, dmId, replacing);
    }

    /** The first other match of the booking that plays {@code characterId}, or that is {@code dmId} free already. */
    private static DmMatchDecision clash(Booking booking, CharacterId characterId, DmId dmId, Optional<MatchId> replacing) {
        for (CharacterDmMatch match : booking.dmMatches()) {
            if (replacing.isPresent() && match.id().equals(replacing.get())) {
                continue;
            }
            if (characterId != null && characterId.equals(match.characterId())) {
                return new DmMatchDecision.CharacterAlreadyMatched(characterId, match.dmId());
            }
            if (characterId == null && match.isFreeDm() && match.dmId().equals(dmId)) {
                return new DmMatchDecision.DmAlreadyMatched(dmId);
            }
        }
        return new DmMatchDecision.Admitted();
    }
}
