package io.storescheduler.application.booking;

import io.storescheduler.application.catalogue.CatalogueRepository;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingLifecycle;
import java.time.Clock;

/** Adds a client of the store to a booking's party. */
public final class AddBookingClientService implements AddBookingClientUseCase {

    private final BookingRepository bookings;
    private final BookingReferences references;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public AddBookingClientService(BookingRepository bookings, CatalogueRepository catalogue, ConflictFinder conflicts,
            TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.references = new BookingReferences(catalogue);
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView addClient(AddBookingClientCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            if (!BookingLifecycle.canChangeParty(booking.status())) {
                throw BookingViews.notEditable(booking, "the party");
            }
            references.client(command.storeId(), command.clientId());
            if (!bookings.addClient(command.storeId(), command.bookingId(), command.clientId())) {
                throw UseCaseFailure.conflict("client_already_in_party",
                        "client " + command.clientId() + " is in this booking's party already");
            }
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
