package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.BookingLifecycle;
import java.time.Clock;

/** Completes a booking under the store's schedule lock. */
public final class CompleteBookingService implements CompleteBookingUseCase {

    private final BookingStatusChanges statusChanges;

    public CompleteBookingService(BookingRepository bookings, ConflictFinder conflicts, StoreScheduleLock scheduleLock,
            TransactionRunner transactions, Clock clock) {
        this.statusChanges = new BookingStatusChanges(bookings, conflicts, scheduleLock, transactions, clock);
    }

    @Override
    public StatusChange complete(CompleteBookingCommand command) {
        return statusChanges.apply(command.storeId(), command.bookingId(), command.expectedVersion(), BookingLifecycle::complete);
    }
}
