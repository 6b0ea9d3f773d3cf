package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Completes a booking under the store's schedule lock. */
public final class CompleteBookingService implements CompleteBookingUseCase {

    private final BookingStatusChanges statusChanges;

    public CompleteBookingService(BookingStatusChanges statusChanges) {
        this.statusChanges = statusChanges;
    }

    @Override
    public Outcome<BookingView> complete(CompleteBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::complete);
    }
}
