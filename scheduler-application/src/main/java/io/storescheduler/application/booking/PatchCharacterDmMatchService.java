package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Changes a character-DM match under the store's schedule lock: a scheduled booking's DMs are part
 * of its conflicts, so the change must not interleave with a confirm choosing rooms.
 */
public final class PatchCharacterDmMatchService implements PatchCharacterDmMatchUseCase {

    private final BookingRepository bookings;
    private final DmMatchRules rules;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;

    public PatchCharacterDmMatchService(BookingRepository bookings, CatalogueRepository catalogue, ConflictFinder conflicts,
            StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.rules = new DmMatchRules(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView patchDmMatch(PatchCharacterDmMatchCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            var match = DmMatchRules.match(booking, command.matchId());
            DmMatchRules.checkEditable(booking);
            var characterId = command.characterId().orElse(match.characterId());
            long dmId = command.dmId().orElse(match.dmId());
            if (command.dmId().isSet()) {
                rules.checkNamedDm(booking, dmId);
            }
            rules.check(booking, characterId, dmId, OptionalLong.of(match.id()));
            bookings.updateDmMatch(booking.storeId(), booking.id(), match.id(), characterId, dmId);
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
