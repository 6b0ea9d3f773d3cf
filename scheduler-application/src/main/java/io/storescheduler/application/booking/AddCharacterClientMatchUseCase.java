package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * A party client takes a non-DM character of the booking's script, while the booking is
 * incomplete. A character and a client each appear in one match at most.
 */
public interface AddCharacterClientMatchUseCase {

    record AddCharacterClientMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, CharacterId characterId, ClientId clientId) {}

    Outcome<BookingView> addClientMatch(AddCharacterClientMatchCommand command);
}
