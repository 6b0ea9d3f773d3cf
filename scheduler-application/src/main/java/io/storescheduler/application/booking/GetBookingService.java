package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;

/** Reads a booking and its conflicts in one snapshot: one statement, so no transaction. */
public final class GetBookingService implements GetBookingUseCase {

    private final BookingReader reader;

    public GetBookingService(BookingReader reader) {
        this.reader = reader;
    }

    @Override
    public Outcome<BookingView> get(long storeId, long bookingId) {
        return Outcome.of(reader.findWithConflicts(storeId, bookingId), () -> BookingViews.notFound(bookingId));
    }
}
