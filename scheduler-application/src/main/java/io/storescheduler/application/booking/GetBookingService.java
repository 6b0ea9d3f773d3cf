package io.storescheduler.application.booking;

/** Reads a booking and its conflicts in one snapshot: one statement, so no transaction. */
public final class GetBookingService implements GetBookingUseCase {

    private final BookingReader reader;

    public GetBookingService(BookingReader reader) {
        this.reader = reader;
    }

    @Override
    public BookingView get(long storeId, long bookingId) {
        return reader.findWithConflicts(storeId, bookingId).orElseThrow(() -> BookingViews.notFound(bookingId));
    }
}
