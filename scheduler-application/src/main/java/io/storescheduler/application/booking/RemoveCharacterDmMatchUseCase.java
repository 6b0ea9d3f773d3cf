package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/** A DM leaves an incomplete or scheduled booking: its character match, or its place as a free DM, is undone. */
public interface RemoveCharacterDmMatchUseCase {

    record RemoveCharacterDmMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, long matchId) {}

    Outcome<BookingView> removeDmMatch(RemoveCharacterDmMatchCommand command);
}
