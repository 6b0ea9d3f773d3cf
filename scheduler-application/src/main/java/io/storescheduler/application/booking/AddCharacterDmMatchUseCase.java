package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import java.util.OptionalLong;

/**
 * An active DM takes a DM character of the booking's script, or joins as a free DM when
 * {@code characterId} is null; while the booking is incomplete or scheduled.
 */
public interface AddCharacterDmMatchUseCase {

    record AddCharacterDmMatchCommand(long storeId, long bookingId, OptionalLong expectedVersion, Long characterId, long dmId) {}

    Outcome<BookingView> addDmMatch(AddCharacterDmMatchCommand command);
}
