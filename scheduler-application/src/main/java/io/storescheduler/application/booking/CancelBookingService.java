package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.booking.BookingLifecycle;

/** Cancels a booking under the store's schedule lock. */
public final class CancelBookingService implements CancelBookingUseCase {

    private final BookingStatusChanges statusChanges;

    public CancelBookingService(BookingStatusChanges statusChanges) {
        this.statusChanges = statusChanges;
    }

    @Override
    public Outcome<BookingView> cancel(CancelBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::cancel);
    }
}
