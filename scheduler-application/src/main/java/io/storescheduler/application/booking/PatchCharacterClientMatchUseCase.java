package io.storescheduler.application.booking;

import io.storescheduler.application.shared.FieldChange;
import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * A character-client match of an incomplete booking takes another character or another party
 * client, under the rules of a new match; a character and a client stay in one match at most.
 */
public interface PatchCharacterClientMatchUseCase {

    record PatchCharacterClientMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, MatchId matchId,
            FieldChange<CharacterId> characterId, FieldChange<ClientId> clientId) {}

    Outcome<BookingView> patchClientMatch(PatchCharacterClientMatchCommand command);
}
