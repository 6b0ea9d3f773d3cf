package io.storescheduler.domain.booking;

/**
 * A DM staffing a booking: either playing the DM character {@code characterId}, or, when that is
 * {@code null}, running the table as a free DM. Either way the DM is busy for the booking's
 * whole time, which is what {@link ConflictRule} cares about.
 */
public record CharacterDmMatch(long id, Long characterId, long dmId) {

    public boolean isFreeDm() {
        return characterId == null;
    }
}
