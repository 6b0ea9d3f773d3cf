package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import io.storescheduler.domain.id.StoreId;

/** A page of the store's bookings that match a filter, by start then id, each with its conflicts. */
public interface ListBookingsUseCase {

    record ListBookingsQuery(StoreId storeId, BookingFilter filter, PageRequest page) {}

    Page<BookingView> list(ListBookingsQuery query);
}
