package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;

/** Reads a booking and its conflicts in one snapshot. */
public final class GetBookingService implements GetBookingUseCase {

    private final BookingViews views;
    private final TransactionRunner transactions;

    public GetBookingService(BookingRepository bookings, ConflictFinder conflicts, TransactionRunner transactions) {
        this.views = new BookingViews(bookings, conflicts);
        this.transactions = transactions;
    }

    @Override
    public BookingView get(long storeId, long bookingId) {
        return transactions.inTransaction(() -> views.view(storeId, bookingId));
    }
}
