package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Cancels a booking under the store's schedule lock. */
public record CancelBookingService(BookingStatusChanges statusChanges) implements CancelBookingUseCase {

    @Override
    public Outcome<BookingView> cancel(CancelBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::cancel);
    }
}
