package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.CharacterId;
import io.storescheduler.domain.id.ClientId;
import java.util.Optional;

/** Changes a character-client match, checked like a new match that replaces it. */
public record PatchCharacterClientMatchService(
        BookingRepository bookings, ClientMatchRules rules, BookingEdits edits) implements PatchCharacterClientMatchUseCase {

    @Override
    public Outcome<BookingView> patchClientMatch(PatchCharacterClientMatchCommand command) {
        return edits.edit(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED, booking ->
                MatchKind.CLIENT.changeable(booking, command.matchId()).flatMap(match -> {
                    CharacterId characterId = command.characterId().orElse(match.characterId());
                    ClientId clientId = command.clientId().orElse(match.clientId());
                    return rules.check(booking, characterId, clientId, Optional.of(match.id())).map(checked -> {
                        bookings.updateClientMatch(booking.storeId(), booking.id(), match.id(), characterId, clientId);
                        return checked;
                    });
                }));
    }
}
