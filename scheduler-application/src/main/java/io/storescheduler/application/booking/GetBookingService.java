package io.storescheduler.application.booking;

import io.storescheduler.application.shared.TransactionRunner;

/** Reads a booking and its conflicts in one snapshot. */
public final class GetBookingService implements GetBookingUseCase {

    private final BookingViews views;
    private final TransactionRunner transactions;

    public GetBookingService(BookingPorts ports) {
        this.views = new BookingViews(ports.bookings(), ports.conflicts());
        this.transactions = ports.transactions();
    }

    @Override
    public BookingView get(long storeId, long bookingId) {
        return transactions.inTransaction(() -> views.view(storeId, bookingId));
    }
}
