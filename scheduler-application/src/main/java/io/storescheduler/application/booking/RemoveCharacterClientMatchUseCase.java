package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.MatchId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/** A character-client match of an incomplete booking is undone; the client stays in the party. */
public interface RemoveCharacterClientMatchUseCase {

    record RemoveCharacterClientMatchCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion, MatchId matchId) {}

    Outcome<BookingView> removeClientMatch(RemoveCharacterClientMatchCommand command);
}
