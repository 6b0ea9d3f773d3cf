package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Completes a booking under the store's schedule lock. */
public record CompleteBookingService(BookingStatusChanges statusChanges) implements CompleteBookingUseCase {

    @Override
    public Outcome<BookingView> complete(CompleteBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::complete);
    }
}
