package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.BookingLifecycle;
import java.time.Clock;

/** Cancels a booking under the store's schedule lock. */
public final class CancelBookingService implements CancelBookingUseCase {

    private final BookingStatusChanges statusChanges;

    public CancelBookingService(BookingRepository bookings, ConflictFinder conflicts, StoreScheduleLock scheduleLock,
            TransactionRunner transactions, Clock clock) {
        this.statusChanges = new BookingStatusChanges(bookings, conflicts, scheduleLock, transactions, clock);
    }

    @Override
    public StatusChange cancel(CancelBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::cancel);
    }
}
