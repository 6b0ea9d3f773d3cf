package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/** Read one booking of the store, with its conflicts. */
public interface GetBookingUseCase {

    Outcome<BookingView> get(StoreId storeId, BookingId bookingId);
}
