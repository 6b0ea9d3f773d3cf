package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.TransactionRunner;

/** Lists bookings with their conflicts: one query for the page, one for the conflicts of all of it. */
public final class ListBookingsService implements ListBookingsUseCase {

    private final BookingRepository bookings;
    private final BookingViews views;
    private final TransactionRunner transactions;

    public ListBookingsService(BookingRepository bookings, BookingViews views, TransactionRunner transactions) {
        this.bookings = bookings;
        this.views = views;
        this.transactions = transactions;
    }

    @Override
    public Page<BookingView> list(ListBookingsQuery query) {
        return transactions.inTransaction(() -> {
            var page = bookings.list(query.storeId(), query.filter(), query.page());
            return new Page<>(views.views(query.storeId(), page.items()), page.request(), page.total());
        });
    }
}
