package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * Mark a scheduled booking as played: it keeps its room and slot for the record but holds them no
 * more. Any other status is refused.
 */
public interface CompleteBookingUseCase {

    record CompleteBookingCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion) {}

    Outcome<BookingView> complete(CompleteBookingCommand command);
}
