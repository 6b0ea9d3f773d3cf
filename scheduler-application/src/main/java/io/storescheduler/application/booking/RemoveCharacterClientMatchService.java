package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;

/** Deletes a character-client match while the booking is incomplete. */
public final class RemoveCharacterClientMatchService implements RemoveCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public RemoveCharacterClientMatchService(BookingRepository bookings, ConflictFinder conflicts,
            TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView removeClientMatch(RemoveCharacterClientMatchCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            var match = ClientMatchRules.match(booking, command.matchId());
            ClientMatchRules.checkEditable(booking);
            bookings.removeClientMatch(booking.storeId(), booking.id(), match.id());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
