package io.storescheduler.application.booking;

import io.storescheduler.application.shared.Outcome;
import io.storescheduler.domain.id.BookingId;
import io.storescheduler.domain.id.StoreId;
import java.util.OptionalLong;

/**
 * Confirm a booking: check every precondition, then take the slot of its start, choose a room and
 * schedule it. A refusal lists every precondition that failed ({@link ConfirmViolations}) and
 * changes nothing.
 */
public interface ConfirmBookingUseCase {

    record ConfirmBookingCommand(StoreId storeId, BookingId bookingId, OptionalLong expectedVersion) {}

    /** Scheduled, with the booking as it is now; or refused, with every failed precondition. */
    Outcome<BookingView> confirm(ConfirmBookingCommand command);
}
