package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import java.time.Clock;
import java.util.OptionalLong;

/** Changes a character-client match, checked like a new match that replaces it. */
public final class PatchCharacterClientMatchService implements PatchCharacterClientMatchUseCase {

    private final BookingRepository bookings;
    private final ClientMatchRules rules;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public PatchCharacterClientMatchService(BookingRepository bookings, CatalogueRepository catalogue,
            ConflictFinder conflicts, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.rules = new ClientMatchRules(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView patchClientMatch(PatchCharacterClientMatchCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            var match = ClientMatchRules.match(booking, command.matchId());
            ClientMatchRules.checkEditable(booking);
            long characterId = command.characterId().orElse(match.characterId());
            long clientId = command.clientId().orElse(match.clientId());
            rules.check(booking, characterId, clientId, OptionalLong.of(match.id()));
            bookings.updateClientMatch(booking.storeId(), booking.id(), match.id(), characterId, clientId);
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
