package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.TransactionRunner;
import io.storescheduler.domain.booking.BookingLifecycle;
import java.util.List;

/** Pages through a booking's conflicts: the booking, then its page of them, then their count, in one transaction. */
public record ListBookingConflictsService(
        BookingRepository bookings, ConflictFinder conflicts, TransactionRunner transactions)
        implements ListBookingConflictsUseCase {

    @Override
    public Outcome<Page<ConflictingBooking>> list(ListBookingConflictsQuery query) {
        return transactions.attempt(() -> Outcome.of(bookings.find(query.storeId(), query.bookingId()), () -> BookingViews.notFound(query.bookingId()))
                // the same rule as every booking answer: a finished booking shows no conflicts
                .map(booking -> BookingLifecycle.showsConflicts(booking.status())
                        ? conflicts.conflictingBookings(query.storeId(), booking.scheduleEntry(), query.page())
                        : new Page<>(List.of(), query.page(), 0)));
    }
}
