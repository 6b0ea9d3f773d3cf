package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;

/** Reads a booking and its conflicts in one snapshot: one statement, so no transaction. */
public final class GetBookingService implements GetBookingUseCase {

    private final BookingReader reader;

    public GetBookingService(BookingReader reader) {
        this.reader = reader;
    }

    @Override
    public Outcome<BookingView> get(StoreId storeId, BookingId bookingId) {
        return Outcome.of(reader.findWithConflicts(storeId, bookingId), () -> BookingViews.notFound(bookingId));
    }
}
