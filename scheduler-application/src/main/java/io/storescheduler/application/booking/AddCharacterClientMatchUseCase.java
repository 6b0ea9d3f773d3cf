package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/**
 * A party client takes a non-DM character of the booking's script, while the booking is
 * incomplete. A character and a client each appear in one match at most.
 */
public interface AddCharacterClientMatchUseCase {

    record AddCharacterClientMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, long characterId, long clientId) {}

    Outcome<BookingView> addClientMatch(AddCharacterClientMatchCommand command);
}
