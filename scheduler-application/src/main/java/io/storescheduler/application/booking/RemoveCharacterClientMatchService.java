package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;

/** Deletes a character-client match while the booking is incomplete. */
public record RemoveCharacterClientMatchService(
        BookingRepository bookings, BookingEdits edits) implements RemoveCharacterClientMatchUseCase {

    @Override
    public Outcome<BookingView> removeClientMatch(RemoveCharacterClientMatchCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED,
                booking -> MatchKind.CLIENT.remove(booking, command.matchId(),
                        matchId -> bookings.removeClientMatch(booking.storeId(), booking.id(), matchId)));
    }
}
