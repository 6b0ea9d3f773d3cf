package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * A character-DM match of an incomplete or scheduled booking takes another DM character (or none:
 * a free DM) or another active DM, under the rules of a new match.
 */
public interface PatchCharacterDmMatchUseCase {

    record PatchCharacterDmMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, MatchId matchId,
            FieldChange<CharacterId> characterId, FieldChange<DmId> dmId) {}

    Outcome<BookingView> patchDmMatch(PatchCharacterDmMatchCommand command);
}
