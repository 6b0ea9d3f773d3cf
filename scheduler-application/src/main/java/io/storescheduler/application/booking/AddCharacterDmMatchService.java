package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;
import java.util.Optional;

/** Matches a DM to a DM character of the booking's script, or adds a free DM. */
public record AddCharacterDmMatchService(
        BookingRepository bookings, DmMatchRules rules, BookingEdits edits) implements AddCharacterDmMatchUseCase {

    @Override
    public Outcome<BookingView> addDmMatch(AddCharacterDmMatchCommand command) {
        return edits.editUnderScheduleLock(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED,
                booking -> MatchKind.DM.editable(booking)
                        .flatMap(open -> rules.checkNamedDm(open, command.dmId()))
                        .flatMap(open -> rules.check(open, command.characterId(), command.dmId(), Optional.empty()))
                        .map(open -> {
                            bookings.addDmMatch(command.storeId(), command.bookingId(), command.characterId(), command.dmId());
                            return open;
                        }));
    }
}
