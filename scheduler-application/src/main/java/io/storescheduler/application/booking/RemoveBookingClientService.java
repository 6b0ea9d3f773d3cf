package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.application.shared.UseCaseFailure;
import io.storescheduler.domain.booking.BookingLifecycle;
import java.time.Clock;

/** Takes a client out of a booking's party; the database drops its character match with it. */
public final class RemoveBookingClientService implements RemoveBookingClientUseCase {

    private final BookingRepository bookings;
    private final BookingViews views;
    private final TransactionRunner transactions;
    private final Clock clock;

    public RemoveBookingClientService(BookingRepository bookings, ConflictFinder conflicts, TransactionRunner transactions, Clock clock) {
        this.bookings = bookings;
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BookingView removeClient(RemoveBookingClientCommand command) {
        return transactions.inTransaction(() -> {
            var booking = views.lockForChange(command.storeId(), command.bookingId(), command.expectedVersion());
            if (!BookingLifecycle.canChangeParty(booking.status())) {
                throw BookingViews.notEditable(booking, "the party");
            }
            if (!bookings.removeClient(command.storeId(), command.bookingId(), command.clientId())) {
                throw UseCaseFailure.notFound("client_not_in_party",
                        "client " + command.clientId() + " is not in the party of booking " + command.bookingId());
            }
            bookings.update(booking, clock.instant());
            return views.view(command.storeId(), command.bookingId());
        });
    }
}
