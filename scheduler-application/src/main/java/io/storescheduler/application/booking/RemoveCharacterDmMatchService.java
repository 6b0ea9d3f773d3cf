package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;

/** Deletes a character-DM match under the store's schedule lock, as it may free the DM of a conflict. */
public record RemoveCharacterDmMatchService(
        BookingRepository bookings, BookingEdits edits) implements RemoveCharacterDmMatchUseCase {

    @Override
    public Outcome<BookingView> removeDmMatch(RemoveCharacterDmMatchCommand command) {
        return edits.editUnderScheduleLock(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED,
                booking -> MatchKind.DM.remove(booking, command.matchId(),
                        matchId -> bookings.removeDmMatch(booking.storeId(), booking.id(), matchId)));
    }
}
