package io.storescheduler.domain.booking;

import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;

/**
 * A DM staffing a booking: either playing the DM character {@code characterId}, or, when that is
 * {@code null}, running the table as a free DM. Either way the DM is busy for the booking's
 * whole time, which is what {@link ConflictRule} cares about.
 */
public record CharacterDmMatch(MatchId id, CharacterId characterId, DmId dmId) {

    public boolean isFreeDm() {
        return characterId == null;
    }
}
