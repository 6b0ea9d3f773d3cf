package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/** A character-client match of an incomplete booking is undone; the client stays in the party. */
public interface RemoveCharacterClientMatchUseCase {

    record RemoveCharacterClientMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, long matchId) {}

    Outcome<BookingView> removeClientMatch(RemoveCharacterClientMatchCommand command);
}
