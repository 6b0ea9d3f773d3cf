package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.event.BookingEventType;
import io.storescheduler.domain.id.DmId;
import java.util.Optional;

/**
 * Changes a character-DM match under the store's schedule lock: a scheduled booking's DMs are part
 * of its conflicts, so the change must not interleave with a confirm choosing rooms.
 */
public record PatchCharacterDmMatchService(
        BookingRepository bookings, DmMatchRules rules, BookingEdits edits) implements PatchCharacterDmMatchUseCase {

    @Override
    public Outcome<BookingView> patchDmMatch(PatchCharacterDmMatchCommand command) {
        return edits.editUnderScheduleLock(command.storeId(), command.bookingId(), command.expectedVersion(), BookingEventType.MATCHES_CHANGED,
                booking -> MatchKind.DM.changeable(booking, command.matchId()).flatMap(match -> {
                    var characterId = command.characterId().orElse(match.characterId());
                    DmId dmId = command.dmId().orElse(match.dmId());
                    var named = command.dmId().isSet() ? rules.checkNamedDm(booking, dmId) : Outcome.done(booking);
                    return named.flatMap(checked -> rules.check(checked, characterId, dmId, Optional.of(match.id()))).map(checked -> {
                        bookings.updateDmMatch(booking.storeId(), booking.id(), match.id(), characterId, dmId);
                        return checked;
                    });
                }));
    }
}
