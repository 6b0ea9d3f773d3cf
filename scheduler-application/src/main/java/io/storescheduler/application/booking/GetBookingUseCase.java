package io.storescheduler.application.booking;

/** Read one booking of the store, with its conflicts. */
public interface GetBookingUseCase {

    BookingView get(long storeId, long bookingId);
}
