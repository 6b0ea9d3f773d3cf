package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.DmId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * An active DM takes a DM character of the booking's script, or joins as a free DM when
 * {@code characterId} is null; while the booking is incomplete or scheduled.
 */
public interface AddCharacterDmMatchUseCase {

    record AddCharacterDmMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, CharacterId characterId, DmId dmId) {}

    Outcome<BookingView> addDmMatch(AddCharacterDmMatchCommand command);
}
