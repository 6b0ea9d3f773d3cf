package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;
import java.util.OptionalLong;

/** Matches a DM to a DM character of the booking's script, or adds a free DM. */
public final class AddCharacterDmMatchService implements AddCharacterDmMatchUseCase {

    private final BookingRepository bookings;
    private final DmMatchRules rules;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;

    public AddCharacterDmMatchService(BookingRepository bookings, CatalogueRepository catalogue, ConflictFinder conflicts,
            StoreScheduleLock scheduleLock, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.rules = new DmMatchRules(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView addDmMatch(AddCharacterDmMatchCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            DmMatchRules.checkEditable(booking);
            rules.checkNamedDm(booking, command.dmId());
            rules.check(booking, command.characterId(), command.dmId(), OptionalLong.empty());
            bookings.addDmMatch(command.storeId(), command.bookingId(), command.characterId(), command.dmId());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
