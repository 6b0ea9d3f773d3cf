package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import java.util.OptionalLong;

/** Matches a DM to a DM character of the booking's script, or adds a free DM. */
public final class AddCharacterDmMatchService implements AddCharacterDmMatchUseCase {

    private final BookingRepository bookings;
    private final DmMatchRules rules;
    private final BookingEdits edits;

    public AddCharacterDmMatchService(BookingRepository bookings, DmMatchRules rules, BookingEdits edits) {
        this.bookings = bookings;
        this.rules = rules;
        this.edits = edits;
    }

    @Override
    public BookingView addDmMatch(AddCharacterDmMatchCommand command) {
        return edits.editUnderScheduleLock(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED, booking -> {
            MatchKind.DM.checkEditable(booking);
            rules.checkNamedDm(booking, command.dmId());
            rules.check(booking, command.characterId(), command.dmId(), OptionalLong.empty());
            bookings.addDmMatch(command.storeId(), command.bookingId(), command.characterId(), command.dmId());
        });
    }
}
