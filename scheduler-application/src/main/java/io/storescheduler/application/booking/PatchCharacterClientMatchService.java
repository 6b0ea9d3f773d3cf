package io.storescheduler.application.booking;

import io.storescheduler.domain.event.BookingEventType;
import java.util.OptionalLong;

/** Changes a character-client match, checked like a new match that replaces it. */
public final class PatchCharacterClientMatchService implements PatchCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final ClientMatchRules rules;
    private final BookingEdits edits;

    public PatchCharacterClientMatchService(BookingRepository bookings, ClientMatchRules rules, BookingEdits edits) {
        this.bookings = bookings;
        this.rules = rules;
        this.edits = edits;
    }

    @Override
    public BookingView patchClientMatch(PatchCharacterClientMatchCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED, booking -> {
            var match = MatchKind.CLIENT.match(booking, command.matchId());
            MatchKind.CLIENT.checkEditable(booking);
            long characterId = command.characterId().orElse(match.characterId());
            long clientId = command.clientId().orElse(match.clientId());
            rules.check(booking, characterId, clientId, OptionalLong.of(match.id()));
            bookings.updateClientMatch(booking.storeId(), booking.id(), match.id(), characterId, clientId);
        });
    }
}
