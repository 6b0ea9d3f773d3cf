package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * Cancel a booking that is incomplete or scheduled: it stops holding its room and DMs, so it
 * neither has nor causes conflicts any more. A cancelled or completed booking is refused.
 */
public interface CancelBookingUseCase {

    record CancelBookingCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion) {}

    Outcome<BookingView> cancel(CancelBookingCommand command);
}
