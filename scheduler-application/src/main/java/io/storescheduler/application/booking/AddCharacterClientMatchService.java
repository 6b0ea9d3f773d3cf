package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;
import java.util.Optional;

/** Matches a party client to a non-DM character of the booking's script. */
public record AddCharacterClientMatchService(
        BookingRepository bookings, ClientMatchRules rules, BookingEdits edits) implements AddCharacterClientMatchUseCase {

    @Override
    public Outcome<BookingView> addClientMatch(AddCharacterClientMatchCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED, booking ->
                MatchKind.CLIENT.editable(booking)
                        .flatMap(open -> rules.check(open, command.characterId(), command.clientId(), Optional.empty()))
                        .map(open -> {
                            bookings.addClientMatch(command.storeId(), command.bookingId(), command.characterId(), command.clientId());
                            return open;
                        }));
    }
}
