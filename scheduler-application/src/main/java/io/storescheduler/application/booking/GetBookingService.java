package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/** Reads a booking and its conflicts in one snapshot: one statement, so no transaction. */
public record GetBookingService(BookingReader reader) implements GetBookingUseCase {

    @Override
    public Outcome<BookingView> get(StoreId storeId, BookingId bookingId) {
        return Outcome.of(reader.findWithConflicts(storeId, bookingId), () -> BookingViews.notFound(bookingId));
    }
}
