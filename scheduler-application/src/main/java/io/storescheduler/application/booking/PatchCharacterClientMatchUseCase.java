package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/**
 * A character-client match of an incomplete booking takes another character or another party
 * client, under the rules of a new match; a character and a client stay in one match at most.
 */
public interface PatchCharacterClientMatchUseCase {

    record PatchCharacterClientMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, long matchId,
            FieldChange<Long> characterId, FieldChange<Long> clientId) {}

    Outcome<BookingView> patchClientMatch(PatchCharacterClientMatchCommand command);
}
