package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;
import java.util.OptionalLong;

/** Matches a party client to a non-DM character of the booking's script. */
public final class AddCharacterClientMatchService implements AddCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final ClientMatchRules rules;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public AddCharacterClientMatchService(BookingRepository bookings, CatalogueRepository catalogue,
            ConflictFinder conflicts, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.rules = new ClientMatchRules(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView addClientMatch(AddCharacterClientMatchCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            ClientMatchRules.checkEditable(booking);
            rules.check(booking, command.characterId(), command.clientId(), OptionalLong.empty());
            bookings.addClientMatch(command.storeId(), command.bookingId(), command.characterId(), command.clientId());
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
