package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/**
 * A character-DM match of an incomplete or scheduled booking takes another DM character (or none:
 * a free DM) or another active DM, under the rules of a new match.
 */
public interface PatchCharacterDmMatchUseCase {

    record PatchCharacterDmMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, long matchId,
            FieldChange<Long> characterId, FieldChange<Long> dmId) {}

    Outcome<BookingView> patchDmMatch(PatchCharacterDmMatchCommand command);
}
