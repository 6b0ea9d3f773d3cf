package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;

/** Deletes a character-DM match under the store's schedule lock, as it may free the DM of a conflict. */
public final class RemoveCharacterDmMatchService implements RemoveCharacterDmMatchUseCase {

    private final BookingRepository bookings;
    private final BookingViews views;
    private final StoreScheduleLock scheduleLock;
    private final TransactionRunner transactions;
    private final Clock clock;

    public RemoveCharacterDmMatchService(BookingRepository bookings, ConflictFinder conflicts, StoreScheduleLock scheduleLock,
            TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.views = new BookingViews(bookings, conflicts);
        this.scheduleLock = scheduleLock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView removeDmMatch(RemoveCharacterDmMatchCommand command) {
        return transactions.inTransaction(() -> {
            scheduleLock.lock(command.storeId());
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            var match = DmMatchRules.match(booking, command.matchId());
            DmMatchRules.checkEditable(booking);
            bookings.removeDmMatch(booking.storeId(), booking.id(), match.id());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
