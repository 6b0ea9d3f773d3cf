package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/** A DM leaves an incomplete or scheduled booking: its character match, or its place as a free DM, is undone. */
public interface RemoveCharacterDmMatchUseCase {

    record RemoveCharacterDmMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, MatchId matchId) {}

    Outcome<BookingView> removeDmMatch(RemoveCharacterDmMatchCommand command);
}
