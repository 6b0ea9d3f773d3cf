package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.TransactionRunner;

/** Lists bookings with their conflicts: one query for the page, one for the conflicts of all of it. */
public record ListBookingsService(
        BookingRepository bookings, BookingViews views, TransactionRunner transactions) implements ListBookingsUseCase {

    @Override
    public Page<BookingView> list(ListBookingsQuery query) {
        return transactions.inTransaction(() -> {
            var page = bookings.list(query.storeId(), query.filter(), query.page());
            return new Page<>(views.views(query.storeId(), page.items()), page.request(), page.total());
        });
    }
}
