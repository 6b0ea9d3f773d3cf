package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import java.util.OptionalLong;

/** Matches a party client to a non-DM character of the booking's script. */
public final class AddCharacterClientMatchService implements AddCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final ClientMatchRules rules;
    private final BookingEdits edits;

    public AddCharacterClientMatchService(BookingRepository bookings, ClientMatchRules rules, BookingEdits edits) {
        this.bookings = bookings;
        this.rules = rules;
        this.edits = edits;
    }

    @Override
    public BookingView addClientMatch(AddCharacterClientMatchCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED, booking -> {
            MatchKind.CLIENT.checkEditable(booking);
            rules.check(booking, command.characterId(), command.clientId(), OptionalLong.empty());
            bookings.addClientMatch(command.storeId(), command.bookingId(), command.characterId(), command.clientId());
        });
    }
}
