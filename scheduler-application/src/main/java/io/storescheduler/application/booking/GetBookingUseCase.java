package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;

/** Read one booking of the store, with its conflicts. */
public interface GetBookingUseCase {

    Outcome<BookingView> get(long storeId, long bookingId);
}
